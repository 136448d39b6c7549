package dev.herald.core.state;

import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Everything the engine keeps about one user, as an immutable value: the profile, derived facts (last activity,
 * orders, revenue), the cart, recent product interest, started trigger waits, scheduled messages, sent messages,
 * the re-entry memory, and the experiment arms bandits assigned (kept so that a user keeps their arm when the
 * weights move). The engine's step function maps a state and an input to a new state; the old one stays valid.
 *
 * <p>Implementation notes: times are epoch milliseconds ({@link Times#NEVER} when absent) and lists are short and
 * bounded (recent interest, sent history and re-entry marks are pruned by age and count), so a tracked user costs
 * a few hundred bytes.
 */
public record UserState(
        String userId,
        Profile profile,
        long lastActivity,
        int orders,
        double revenue,
        int cartCount,
        Cart cart,
        List<Interest> interests,
        List<Armed> armed,
        List<ScheduledSend> sends,
        List<SentMessage> sent,
        List<FiredMark> fired,
        List<Assignment> assignments) {

    public UserState {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cart, "cart");
        interests = Frozen.keep(interests);
        armed = Frozen.keep(armed);
        sends = Frozen.keep(sends);
        sent = Frozen.keep(sent);
        fired = Frozen.keep(fired);
        assignments = Frozen.keep(assignments);
    }

    /** A state without remembered experiment arms. */
    public UserState(String userId, Profile profile, long lastActivity, int orders, double revenue, int cartCount,
            Cart cart, List<Interest> interests, List<Armed> armed, List<ScheduledSend> sends, List<SentMessage> sent,
            List<FiredMark> fired) {
        this(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed, sends, sent, fired,
                List.of());
    }

    /** A user seen for the first time. */
    public static UserState fresh(String userId, Profile profile) {
        return new UserState(userId, profile, Times.NEVER, 0, 0, 0, Cart.EMPTY, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** The average order value, or 0 without orders. */
    public double averageOrderValue() {
        return orders == 0 ? 0 : revenue / orders;
    }

    /** The earliest time something is due (a wait ends, a message is to be sent), or {@link Times#NONE_DUE}. */
    public long nextDue() {
        long next = Times.NONE_DUE;
        for (int i = 0; i < armed.size(); i++) {
            next = Math.min(next, armed.get(i).due());
        }
        for (int i = 0; i < sends.size(); i++) {
            next = Math.min(next, sends.get(i).sendAt());
        }
        return next;
    }

    /** The interest in a product, when the user showed any recently. */
    public Optional<Interest> findInterest(String productId) {
        for (int i = 0; i < interests.size(); i++) {
            if (interests.get(i).productId().equals(productId)) {
                return Optional.of(interests.get(i));
            }
        }
        return Optional.empty();
    }

    /** The started wait of a trigger for a scope key. */
    public Optional<Armed> findArmed(int trigger, String scopeKey) {
        for (Armed wait : armed) {
            if (wait.trigger() == trigger && wait.scopeKey().equals(scopeKey)) {
                return Optional.of(wait);
            }
        }
        return Optional.empty();
    }

    public UserState withProfile(Profile newProfile) {
        return new UserState(userId, newProfile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                sends, sent, fired, assignments);
    }

    public UserState withActivity(long at) {
        return at <= lastActivity ? this : new UserState(userId, profile, at, orders, revenue, cartCount, cart,
                interests, armed, sends, sent, fired, assignments);
    }

    public UserState withOrder(double orderRevenue) {
        return new UserState(userId, profile, lastActivity, orders + 1, revenue + orderRevenue, cartCount,
                Cart.EMPTY, interests, armed, sends, sent, fired, assignments);
    }

    /**
     * Adds a line to the cart; an empty cart starts anew, keyed by the shop's cart id or by {@code cart-N}.
     */
    public UserState withAddedToCart(String shopCartId, LineItem line, long at) {
        int count = cart.isEmpty() ? cartCount + 1 : cartCount;
        String key = shopCartId.isEmpty() ? "cart-" + count : shopCartId;
        return new UserState(userId, profile, lastActivity, orders, revenue, count, cart.add(key, line, at),
                interests, armed, sends, sent, fired, assignments);
    }

    public UserState withRemovedFromCart(Product product, int quantity) {
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount,
                cart.remove(product, quantity), interests, armed, sends, sent, fired, assignments);
    }

    /**
     * Records a view of a product.
     *
     * @param countWindowMillis how long a run of views is counted together
     * @param maxInterests how many products to remember; the least recently touched is forgotten first
     */
    public UserState withViewed(Product product, long at, long countWindowMillis, int maxInterests) {
        return withInterest(product, maxInterests, i -> i.viewed(product, at, countWindowMillis), lastActivity);
    }

    /** Records a view of a product as the user's latest activity, in one step. */
    public UserState withViewedAsActivity(Product product, long at, long countWindowMillis, int maxInterests) {
        return withInterest(product, maxInterests, i -> i.viewed(product, at, countWindowMillis),
                Math.max(lastActivity, at));
    }

    public UserState withCarted(Product product, long at, int maxInterests) {
        return withInterest(product, maxInterests, i -> i.carted(product, at), lastActivity);
    }

    public UserState withPurchased(Product product, long at, int maxInterests) {
        return withInterest(product, maxInterests, i -> i.purchased(product, at), lastActivity);
    }

    private UserState withInterest(Product product, int maxInterests, UnaryOperator<Interest> change,
            long newLastActivity) {
        int size = interests.size();
        Object[] updated = new Object[size + 1];
        int count = 0;
        Interest changed = null;
        for (int i = 0; i < size; i++) {
            Interest interest = interests.get(i);
            if (changed == null && interest.productId().equals(product.id())) {
                changed = change.apply(interest);
            } else {
                updated[count++] = interest;
            }
        }
        if (changed == null) {
            changed = change.apply(Interest.first(product));
        }
        updated[count++] = changed;
        while (count > maxInterests) {
            int oldest = 0;
            for (int i = 1; i < count; i++) {
                if (((Interest) updated[i]).lastTouched() < ((Interest) updated[oldest]).lastTouched()) {
                    oldest = i;
                }
            }
            System.arraycopy(updated, oldest + 1, updated, oldest, count - oldest - 1);
            count--;
        }
        return new UserState(userId, profile, newLastActivity, orders, revenue, cartCount, cart,
                Frozen.of(updated, count), armed, sends, sent, fired, assignments);
    }

    /** Starts (or restarts) a wait, replacing one of the same trigger and scope key. */
    public UserState withArmed(Armed wait) {
        Object[] updated = new Object[armed.size() + 1];
        int count = 0;
        for (int i = 0; i < armed.size(); i++) {
            Armed existing = armed.get(i);
            if (existing.trigger() != wait.trigger() || !existing.scopeKey().equals(wait.scopeKey())) {
                updated[count++] = existing;
            }
        }
        updated[count++] = wait;
        return withArmedList(Frozen.of(updated, count));
    }

    /** Removes the waits the predicate selects. */
    public UserState withoutArmed(Predicate<Armed> selected) {
        Object[] kept = new Object[armed.size()];
        int count = 0;
        for (int i = 0; i < armed.size(); i++) {
            if (!selected.test(armed.get(i))) {
                kept[count++] = armed.get(i);
            }
        }
        return count == armed.size() ? this : withArmedList(Frozen.of(kept, count));
    }

    private UserState withArmedList(List<Armed> newArmed) {
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, newArmed,
                sends, sent, fired, assignments);
    }

    public UserState withSend(ScheduledSend send) {
        List<ScheduledSend> updated = new ArrayList<>(sends);
        updated.add(send);
        return withSends(updated);
    }

    /** Removes the scheduled sends the predicate selects. */
    public UserState withoutSends(Predicate<ScheduledSend> selected) {
        List<ScheduledSend> kept = new ArrayList<>(sends.size());
        for (ScheduledSend send : sends) {
            if (!selected.test(send)) {
                kept.add(send);
            }
        }
        return kept.size() == sends.size() ? this : withSends(kept);
    }

    private UserState withSends(List<ScheduledSend> newSends) {
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                newSends, sent, fired, assignments);
    }

    /**
     * Records a sent message, forgetting messages older than {@code keepMillis} and keeping at most {@code maxKept}.
     */
    public UserState withSent(SentMessage message, long keepMillis, int maxKept) {
        List<SentMessage> updated = new ArrayList<>(sent.size() + 1);
        for (SentMessage old : sent) {
            if (message.sentAt() - old.sentAt() <= keepMillis) {
                updated.add(old);
            }
        }
        updated.add(message);
        while (updated.size() > maxKept) {
            updated.remove(0);
        }
        return withSentList(updated);
    }

    /** Marks a sent message as delivered, opened or clicked; unknown ids change nothing. */
    public UserState withEngagement(String messageId, int flag) {
        for (int i = 0; i < sent.size(); i++) {
            SentMessage message = sent.get(i);
            if (message.messageId().equals(messageId)) {
                List<SentMessage> updated = new ArrayList<>(sent);
                updated.set(i, message.with(flag));
                return withSentList(updated);
            }
        }
        return this;
    }

    private UserState withSentList(List<SentMessage> newSent) {
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                sends, newSent, fired, assignments);
    }

    /** Remembers that a trigger scheduled a message for a scope key, forgetting marks older than their memory. */
    public UserState withFired(FiredMark mark, Predicate<FiredMark> forget) {
        List<FiredMark> updated = new ArrayList<>(fired.size() + 1);
        for (FiredMark old : fired) {
            boolean replaced = old.trigger() == mark.trigger() && old.scopeKey().equals(mark.scopeKey());
            if (!replaced && !forget.test(old)) {
                updated.add(old);
            }
        }
        updated.add(mark);
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                sends, sent, updated, assignments);
    }

    /** The experiment arm remembered for the user (a bandit's sticky assignment), if any. */
    public Optional<Assignment> findAssignment(String experiment) {
        for (Assignment assignment : assignments) {
            if (assignment.experiment().equals(experiment)) {
                return Optional.of(assignment);
            }
        }
        return Optional.empty();
    }

    /**
     * Remembers the user's arm in an experiment, replacing the one remembered for it, and forgetting those the
     * predicate selects (experiments no longer defined).
     */
    public UserState withAssignment(Assignment assignment, Predicate<Assignment> forget) {
        List<Assignment> updated = new ArrayList<>(assignments.size() + 1);
        for (Assignment old : assignments) {
            if (!old.experiment().equals(assignment.experiment()) && !forget.test(old)) {
                updated.add(old);
            }
        }
        updated.add(assignment);
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                sends, sent, fired, updated);
    }
}
