package dev.herald.core.engine;

import dev.herald.core.event.Event;
import dev.herald.core.event.EventType;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.event.UserEvent;
import dev.herald.core.state.Times;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs the {@link UserMachine} for every user in one process, in event time: events are put in order (within the
 * configured lateness), engine time follows their timestamps, and waits and scheduled messages fire as engine time
 * passes them. Effects go to the consumer given at construction, in the order they happen. Replays, tests,
 * benchmarks and the single-node server drive it; the Kafka Streams runtime drives {@link UserMachine} directly.
 *
 * <p>Implementation notes: user states live in a hash map; a priority queue holds one wake-up per user at the
 * earliest time something is due for them. When a user's next due time moves later, the old wake-up is kept and,
 * when reached, re-queued at the new time, so the queue stays near one entry per user with something pending.
 *
 * <p>Not thread-safe: one thread drives an engine.
 */
public final class Engine {

    private record Wake(long due, String userId) {}

    private final UserMachine machine;
    private final Consumer<Effect> effects;
    private final Map<String, UserState> users = new HashMap<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : a.userId.compareTo(b.userId));
    private final EventOrderer orderer;
    private final InterestIndex interest = new InterestIndex();
    private final boolean indexInterest;
    private long now = Times.NEVER;
    private long processed;
    private long late;
    private long pruneAt = 1 << 20;

    public Engine(EngineConfig config, Consumer<Effect> effects) {
        this.machine = new UserMachine(config);
        this.effects = effects;
        this.orderer = new EventOrderer(config.lateness());
        this.indexInterest = config.triggers().all().stream().map(TriggerDefinition::entry)
                .anyMatch(entry -> entry.matches(EventType.PRICE_CHANGED));
    }

    /** Takes an event; it is processed once engine time, less the lateness, passes it. */
    public void accept(Event event) {
        orderer.offer(event, this::process, this::late);
    }

    /**
     * Moves engine time forward: processes held events up to {@code time}, then fires everything due up to it.
     * Events older than {@code time} that arrive afterwards are late.
     */
    public void advanceTo(Instant time) {
        long target = time.toEpochMilli();
        orderer.releaseUpTo(target, this::process);
        fireUpTo(target);
        now = Math.max(now, target);
    }

    /** Processes every held event; engine time ends at the last event's time. Nothing after it fires. */
    public void flush() {
        orderer.flush(this::process);
    }

    /** Engine time: the time of the last event processed or the last {@link #advanceTo}; empty before any. */
    public Optional<Instant> now() {
        return now == Times.NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(now));
    }

    /** The earliest time something is due for any user; empty when nothing is pending. */
    public Optional<Instant> nextDue() {
        long next = Times.NONE_DUE;
        for (UserState state : users.values()) {
            next = Math.min(next, state.nextDue());
        }
        return next == Times.NONE_DUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
    }

    /** A user's state, if the engine has seen the user. */
    public Optional<UserState> find(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    /** How many users the engine tracks. */
    public int userCount() {
        return users.size();
    }

    /** How many events were processed (late ones excluded). */
    public long processedCount() {
        return processed;
    }

    /** How many events arrived too late to be processed. */
    public long lateCount() {
        return late;
    }

    /** How many scheduled messages and started waits are pending across users. */
    public long pendingCount() {
        long pending = 0;
        for (UserState state : users.values()) {
            pending += state.armed().size() + state.sends().size();
        }
        return pending;
    }

    private void late(Event event) {
        late++;
        effects.accept(new Effect.Late(event, Instant.ofEpochMilli(orderer.watermark())));
    }

    private void process(Event event) {
        long at = event.timestamp().toEpochMilli();
        fireUpTo(at);
        now = Math.max(now, at);
        processed++;
        switch (event) {
            case UserEvent user -> {
                step(user.userId(), state -> emit(machine.apply(state, user)), false);
                if (indexInterest) {
                    index(user);
                }
            }
            case PriceChanged change -> {
                for (String userId : interest.usersOf(change.product().id())) {
                    step(userId, state -> emit(machine.apply(state, change)), false);
                }
            }
        }
    }

    private void index(UserEvent event) {
        switch (event) {
            case ProductViewed viewed -> interest.add(viewed.product().id(), viewed.userId());
            case ProductAdded added -> interest.add(added.item().product().id(), added.userId());
            default -> {
                return;
            }
        }
        if (interest.pairs() > pruneAt) {
            interest.retain((product, user) -> users.get(user).findInterest(product).isPresent());
            pruneAt = Math.max(1 << 20, interest.pairs() * 2);
        }
    }

    private void fireUpTo(long time) {
        while (!wakes.isEmpty() && wakes.peek().due <= time) {
            Wake wake = wakes.poll();
            UserState state = users.get(wake.userId);
            long due = state.nextDue();
            if (due == Times.NONE_DUE) {
                continue;
            }
            if (due > wake.due) {
                wakes.add(new Wake(due, wake.userId));
                continue;
            }
            step(wake.userId, current -> emit(machine.advance(current, Instant.ofEpochMilli(wake.due))), true);
        }
    }

    /**
     * Applies a change to a user's state and keeps the wake-up queue right: a user with something due has a
     * wake-up at or before that time.
     *
     * @param wokeUp whether the change was the user's wake-up (whose queue entry is then used up)
     */
    private void step(String userId, UnaryOperator<UserState> change, boolean wokeUp) {
        UserState before = users.get(userId);
        if (before == null) {
            before = machine.fresh(userId);
        }
        UserState after = change.apply(before);
        users.put(userId, after);
        long oldDue = before.nextDue();
        long newDue = after.nextDue();
        if (newDue != Times.NONE_DUE && (wokeUp || oldDue == Times.NONE_DUE || newDue < oldDue)) {
            wakes.add(new Wake(newDue, userId));
        }
    }

    private UserState emit(Step step) {
        for (Effect effect : step.effects()) {
            effects.accept(effect);
        }
        return step.state();
    }
}
