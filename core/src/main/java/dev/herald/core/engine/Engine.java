package dev.herald.core.engine;

import dev.herald.core.event.Event;
import dev.herald.core.event.EventType;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.event.UserEvent;
import dev.herald.core.state.Interest;
import dev.herald.core.state.Times;
import dev.herald.core.state.UserState;
import dev.herald.core.time.EngineClock;
import dev.herald.core.trigger.TriggerDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * <p>Implementation notes: each user has a slot holding their state and the time they are queued to wake at. A
 * priority queue holds wake-ups; a wake-up that no longer matches its slot's queued time is stale and dropped when it
 * surfaces. When a user's next due time moves later, the queued wake-up stays and, when reached, is re-queued at
 * the new time; when it moves earlier, a new wake-up is queued. So each user has one live wake-up at most.
 *
 * <p>{@link #snapshot} and {@link #restore} checkpoint an engine and continue from the checkpoint, exactly as if it
 * had not stopped.
 *
 * <p>Not thread-safe: one thread drives an engine.
 */
public final class Engine {

    /** A wake-up; wake-ups due at the same time go in the order their users were first seen. */
    private record Wake(long due, Slot slot) implements Comparable<Wake> {
        @Override
        public int compareTo(Wake other) {
            return due != other.due ? Long.compare(due, other.due) : Long.compare(slot.order, other.slot.order);
        }
    }

    /**
     * A user's current state, the time they are queued to wake at ({@link Times#NONE_DUE}: not queued), and when they
     * were first seen among all users (which orders wake-ups due at the same time).
     */
    private static final class Slot {
        private final long order;
        private UserState state;
        private long queued = Times.NONE_DUE;

        Slot(UserState state, long order) {
            this.state = state;
            this.order = order;
        }
    }

    private final UserMachine machine;
    private final Consumer<Effect> effects;
    private final Map<String, Slot> users = new HashMap<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>();
    private final EventOrderer orderer;
    private final InterestIndex interest = new InterestIndex();
    private final boolean indexInterest;
    private long now = Times.NEVER;
    private long processed;
    private long late;

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

    /**
     * Moves engine time to what the clock says: with the wall clock, a live runtime calls this periodically so that
     * waits and scheduled messages fire on time; with event time it fires what the latest event's time passed.
     */
    public void tick(EngineClock clock) {
        advanceTo(clock.now());
    }

    /** Processes every held event; engine time ends at the last event's time. Nothing after it fires. */
    public void flush() {
        orderer.flush(this::process);
    }

    /** Engine time: the time of the last event processed or the last {@link #advanceTo}; empty before any. */
    public Optional<Instant> now() {
        return now == Times.NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(now));
    }

    /**
     * Forgets a user, as when their data is deleted: their state, waiting triggers and scheduled messages, and their
     * place in the price-drop index. Events that arrive for them later start a new user.
     *
     * @return whether the engine knew the user
     */
    public boolean forget(String userId) {
        Slot slot = users.remove(userId);
        if (slot == null) {
            return false;
        }
        for (dev.herald.core.state.Interest remembered : slot.state.interests()) {
            interest.remove(remembered.productId(), userId);
        }
        slot.queued = Times.NEVER;
        return true;
    }

    /** The earliest time something is due for any user; empty when nothing is pending. */
    public Optional<Instant> nextDue() {
        while (!wakes.isEmpty()) {
            Wake top = wakes.peek();
            Slot slot = top.slot;
            if (top.due != slot.queued) {
                wakes.poll();
                continue;
            }
            long due = slot.state.nextDue();
            if (due == top.due) {
                return Optional.of(Instant.ofEpochMilli(due));
            }
            wakes.poll();
            slot.queued = Times.NONE_DUE;
            queue(slot);
        }
        return Optional.empty();
    }

    /**
     * Writes a snapshot of everything the engine holds, so that {@link #restore} continues exactly where this engine
     * is: the same effects, in the same order, for whatever it is given next. The snapshot holds engine time, the
     * processed and late counters, every user's state (in the order the users were first seen), the interest index
     * (in its fan-out order), and the events held back for ordering with the orderer's watermark: held events stay
     * held, no flush is needed or done. Wake-ups are not written: each user's is their state's next due time,
     * queued again on restore. The same engine contents give the same bytes.
     *
     * <p>The stream is flushed, not closed. The format starts with a version byte (see {@link EngineSnapshot}).
     *
     * @throws IllegalArgumentException when a held identify event has a trait that is not a plain value
     */
    public void snapshot(OutputStream out) throws IOException {
        capture().writeTo(out);
    }

    /**
     * Takes what a {@link #snapshot} holds without encoding it: cheap (references to the users' immutable states),
     * so the engine's thread can go on while another thread writes the bytes with {@link Captured#writeTo}. The
     * bytes are those {@link #snapshot} would have written at this moment.
     */
    public Captured capture() {
        Slot[] ordered = new Slot[users.size()];
        for (Slot slot : users.values()) {
            ordered[(int) slot.order] = slot;
        }
        List<UserState> states = new ArrayList<>(ordered.length);
        for (Slot slot : ordered) {
            states.add(slot.state);
        }
        List<EngineSnapshot.Fanout> fanouts = new ArrayList<>();
        for (String product : interest.products()) {
            List<String> interested = interest.usersOf(product);
            int[] positions = new int[interested.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = (int) users.get(interested.get(i)).order;
            }
            fanouts.add(new EngineSnapshot.Fanout(product, positions));
        }
        List<String> triggerIds = machine.config().triggers().all().stream().map(TriggerDefinition::id).toList();
        return new Captured(new EngineSnapshot.Contents(triggerIds, now, processed, late, states, fanouts,
                orderer.buffered()));
    }

    /** An engine's contents at one moment, taken by {@link #capture}; immutable, so any thread may write it. */
    public static final class Captured {
        private final EngineSnapshot.Contents contents;

        private Captured(EngineSnapshot.Contents contents) {
            this.contents = contents;
        }

        /** Engine time when it was taken, if the engine had seen any time. */
        public Optional<Instant> now() {
            return contents.now() == Times.NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(contents.now()));
        }

        /** How many users it holds. */
        public int userCount() {
            return contents.users().size();
        }

        /**
         * Writes the snapshot's bytes, as {@link Engine#snapshot} does.
         *
         * @throws IllegalArgumentException when a held identify event has a trait that is not a plain value
         */
        public void writeTo(OutputStream out) throws IOException {
            EngineSnapshot.write(contents, out);
        }
    }

    /**
     * An engine that continues from a {@link #snapshot}, deciding with {@code config} (whose triggers must be the
     * snapshot's, in the same order; the rest may differ, though only the same configuration continues exactly).
     * Restoring emits no effects. The stream is read up to the snapshot's end and possibly beyond (it is read
     * through a buffer); it is not closed.
     *
     * @throws IllegalArgumentException when the snapshot was taken with other triggers
     * @throws dev.herald.core.state.codec.CorruptSnapshotException when the snapshot is truncated, of another format
     *     version, or corrupt; the message says what was being read
     */
    public static Engine restore(EngineConfig config, Consumer<Effect> effects, InputStream in) throws IOException {
        Engine engine = new Engine(config, effects);
        EngineSnapshot.Contents contents = EngineSnapshot.read(in, config.triggers().all(), engine.indexInterest);
        for (UserState state : contents.users()) {
            Slot slot = new Slot(state, engine.users.size());
            engine.users.put(state.userId(), slot);
            engine.queue(slot);
        }
        for (EngineSnapshot.Fanout fanout : contents.interest()) {
            for (int position : fanout.users()) {
                engine.interest.add(fanout.productId(), contents.users().get(position).userId());
            }
        }
        engine.orderer.restore(contents.orderer());
        engine.now = contents.now();
        engine.processed = contents.processed();
        engine.late = contents.late();
        return engine;
    }

    /** A user's state, if the engine has seen the user. */
    public Optional<UserState> find(String userId) {
        return Optional.ofNullable(users.get(userId)).map(slot -> slot.state);
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

    /** How many events are held back for ordering, waiting for engine time to pass them. */
    public int heldCount() {
        return orderer.heldCount();
    }

    /** How many scheduled messages and started waits are pending across users. */
    public long pendingCount() {
        long pending = 0;
        for (Slot slot : users.values()) {
            pending += slot.state.armed().size() + slot.state.sends().size();
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
                Slot slot = slot(user.userId());
                List<Interest> before = slot.state.interests();
                step(slot, state -> emit(machine.apply(state, user)));
                if (indexInterest && slot.state.interests() != before) {
                    index(slot.state.userId(), user, before, slot.state.interests());
                }
            }
            case PriceChanged change -> {
                for (String userId : interest.usersOf(change.product().id())) {
                    step(slot(userId), state -> emit(machine.apply(state, change)));
                }
            }
        }
    }

    /**
     * Keeps the interest index equal to the users' remembered products: a product the user newly remembers is
     * added, one they forgot is removed. A view or cart add of a product already remembered changes neither (the
     * common case, decided without comparing the lists).
     */
    private void index(String userId, UserEvent event, List<Interest> before, List<Interest> after) {
        String touched = switch (event) {
            case ProductViewed viewed -> viewed.product().id();
            case ProductAdded added -> added.item().product().id();
            default -> null;
        };
        if (touched != null && before.size() == after.size() && contains(before, touched)) {
            return;
        }
        for (int i = 0; i < after.size(); i++) {
            String product = after.get(i).productId();
            if (!contains(before, product)) {
                interest.add(product, userId);
            }
        }
        for (int i = 0; i < before.size(); i++) {
            String product = before.get(i).productId();
            if (!contains(after, product)) {
                interest.remove(product, userId);
            }
        }
    }

    private static boolean contains(List<Interest> interests, String productId) {
        for (int i = 0; i < interests.size(); i++) {
            if (interests.get(i).productId().equals(productId)) {
                return true;
            }
        }
        return false;
    }

    private void fireUpTo(long time) {
        while (!wakes.isEmpty() && wakes.peek().due <= time) {
            Wake wake = wakes.poll();
            Slot slot = wake.slot;
            if (wake.due != slot.queued) {
                continue;
            }
            slot.queued = Times.NONE_DUE;
            if (slot.state.nextDue() > wake.due) {
                queue(slot);
                continue;
            }
            step(slot, current -> emit(machine.advance(current, Instant.ofEpochMilli(wake.due))));
        }
    }

    private Slot slot(String userId) {
        Slot slot = users.get(userId);
        if (slot == null) {
            slot = new Slot(machine.fresh(userId), users.size());
            users.put(userId, slot);
        }
        return slot;
    }

    /** Applies a change to a user's state, then makes sure they wake when something is next due for them. */
    private void step(Slot slot, UnaryOperator<UserState> change) {
        slot.state = change.apply(slot.state);
        queue(slot);
    }

    /** Queues a wake-up at the slot's next due time unless one is queued at or before it. */
    private void queue(Slot slot) {
        long due = slot.state.nextDue();
        if (due < slot.queued) {
            slot.queued = due;
            wakes.add(new Wake(due, slot));
        }
    }

    private UserState emit(Step step) {
        for (Effect effect : step.effects()) {
            effects.accept(effect);
        }
        return step.state();
    }
}
