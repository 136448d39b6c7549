package dev.herald.core.engine;

import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.Event;
import dev.herald.core.event.EventType;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.event.UserEvent;
import dev.herald.core.profile.Channel;
import dev.herald.core.state.Armed;
import dev.herald.core.state.Interest;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.Times;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.Condition;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The per-user state machine, in event time: {@code (state, input, now) -> (state', effects)}. Pure: no I/O, no
 * clock, no randomness but the seeded kind; the same inputs give the same outputs, whatever runtime drives it.
 *
 * <p>For an event at time {@code t} it first fires whatever was due up to {@code t} (each at its own due time), then
 * updates the user's facts (profile, cart, interest, orders, engagement), then applies exit criteria (cancelling
 * started waits and scheduled messages), then entry rules (starting or restarting waits), and finally fires what
 * became due at {@code t} (a trigger without a wait fires at once). A fired wait is a trigger occurrence, decided by
 * the {@link DecisionPipeline}; a due message passes the {@link SendCheck}.
 *
 * <p>Thread-safe: it holds only configuration.
 */
public final class UserMachine {

    private static final long DEFAULT_VIEW_WINDOW = 24 * 3_600_000L;
    private static final List<String> USER_KEYS = List.of("user");

    private final EngineConfig config;
    private final TriggerSet triggers;
    private final DecisionPipeline pipeline;
    private final SendCheck sendCheck;
    private final long viewWindow;
    /** For each event type (by ordinal), the indices of the triggers whose exit criteria it meets. */
    private final int[][] exitsByType;
    /** For each event type (by ordinal), the indices of the triggers it may enter. */
    private final int[][] entriesByType;
    /** The indices of the triggers that exit when the cart is emptied. */
    private final int[] cartEmptiedExits;
    /**
     * Per trigger: whether an event that both exits and enters it simply restarts its wait (user scope, restart on
     * entry, no conditions), so the wait need not be removed and added again.
     */
    private final boolean[] restartsInPlace;

    public UserMachine(EngineConfig config) {
        this.config = config;
        this.triggers = config.triggers();
        this.pipeline = new DecisionPipeline(config);
        this.sendCheck = new SendCheck(config);
        this.viewWindow = longestViewWindow(triggers);
        EventType[] types = EventType.values();
        this.exitsByType = new int[types.length][];
        this.entriesByType = new int[types.length][];
        for (EventType type : types) {
            exitsByType[type.ordinal()] = indices(t -> t.exit().matches(type));
            entriesByType[type.ordinal()] = indices(t -> t.entry().matches(type));
        }
        this.cartEmptiedExits = indices(t -> t.exit().cartEmptied());
        this.restartsInPlace = new boolean[triggers.size()];
        for (int i = 0; i < triggers.size(); i++) {
            TriggerDefinition trigger = triggers.get(i);
            restartsInPlace[i] = trigger.restartOnEntry() && trigger.scope() == Scope.USER
                    && trigger.entry().conditions().isEmpty();
        }
    }

    private int[] indices(Predicate<TriggerDefinition> selected) {
        return IntStream.range(0, triggers.size()).filter(i -> selected.test(triggers.get(i))).toArray();
    }

    public EngineConfig config() {
        return config;
    }

    /** A user's state before anything is known about them. */
    public UserState fresh(String userId) {
        return UserState.fresh(userId, config.newUserProfile());
    }

    /** Applies an event about this user, at the event's time. */
    public Step apply(UserState state, UserEvent event) {
        long now = event.timestamp().toEpochMilli();
        List<Effect> effects = new ArrayList<>(2);
        UserState current = advance(state, now, effects);
        UserState observed = observe(current, event, now);
        boolean cartEmptied = !current.cart().isEmpty() && observed.cart().isEmpty();
        current = exits(observed, event, cartEmptied, now, effects);
        current = entries(current, event, now);
        current = advance(current, now, effects);
        return new Step(current, effects);
    }

    /** Applies a catalog price change to one user who showed interest in the product. */
    public Step apply(UserState state, PriceChanged event) {
        long now = event.timestamp().toEpochMilli();
        List<Effect> effects = new ArrayList<>(2);
        UserState current = advance(state, now, effects);
        current = exits(current, event, false, now, effects);
        current = entries(current, event, now);
        current = advance(current, now, effects);
        return new Step(current, effects);
    }

    /** Fires everything due up to {@code now}: ended waits become decisions, due messages are sent or cancelled. */
    public Step advance(UserState state, Instant now) {
        List<Effect> effects = new ArrayList<>(2);
        UserState next = advance(state, now.toEpochMilli(), effects);
        return new Step(next, effects);
    }

    private UserState advance(UserState state, long now, List<Effect> effects) {
        UserState current = state;
        while (current.nextDue() <= now) {
            Armed wait = earliestWait(current, now);
            ScheduledSend send = earliestSend(current, now);
            if (wait != null && (send == null || wait.due() <= send.sendAt())) {
                current = fire(current.withoutArmed(w -> w == wait), wait, effects);
            } else {
                SendCheck.Result result = sendCheck.check(current, send);
                result.effect().ifPresent(effects::add);
                current = result.state();
            }
        }
        return current;
    }

    private static Armed earliestWait(UserState state, long now) {
        Armed earliest = null;
        for (Armed wait : state.armed()) {
            if (wait.due() <= now && (earliest == null || wait.due() < earliest.due()
                    || wait.due() == earliest.due() && wait.trigger() < earliest.trigger())) {
                earliest = wait;
            }
        }
        return earliest;
    }

    private static ScheduledSend earliestSend(UserState state, long now) {
        ScheduledSend earliest = null;
        for (ScheduledSend send : state.sends()) {
            if (send.sendAt() <= now && (earliest == null || send.sendAt() < earliest.sendAt())) {
                earliest = send;
            }
        }
        return earliest;
    }

    private UserState fire(UserState state, Armed wait, List<Effect> effects) {
        TriggerDefinition trigger = triggers.get(wait.trigger());
        Subject subject = switch (trigger.scope()) {
            case CART -> Subject.of(state.cart().items());
            case USER -> recentItems(state);
            case PRODUCT, ORDER -> wait.subject();
        };
        Occurrence occurrence = new Occurrence(trigger.id(), wait.scopeKey(), Instant.ofEpochMilli(wait.anchor()),
                Instant.ofEpochMilli(wait.due()), subject);
        DecisionPipeline.Result result = pipeline.decide(state, wait.trigger(), occurrence);
        effects.add(new Effect.Decided(result.decision()));
        for (ScheduledSend preempted : result.preempted()) {
            effects.add(new Effect.Cancelled(preempted.decision(), occurrence.firedAt(), TraceStep.fail(
                    Stage.SEND_CHECK, Reason.PREEMPTED, trigger.id() + " (priority " + trigger.priority()
                            + ") fired for the same user")));
        }
        return result.state();
    }

    /** The three products the user touched last, newest first. */
    private static Subject recentItems(UserState state) {
        List<Interest> recent = new ArrayList<>(state.interests());
        recent.sort(Comparator.comparingLong(Interest::lastTouched).reversed());
        List<LineItem> items = new ArrayList<>(3);
        for (int i = 0; i < recent.size() && i < 3; i++) {
            items.add(new LineItem(recent.get(i).product(), 1));
        }
        return Subject.of(items);
    }

    /** Updates the facts an event tells about the user. */
    private UserState observe(UserState state, UserEvent event, long now) {
        int maxInterests = config.maxInterests();
        return switch (event) {
            case ProductViewed viewed -> state.withViewedAsActivity(viewed.product(), now, viewWindow, maxInterests);
            case ProductAdded added -> state.withAddedToCart(added.cartId(), added.item(), now)
                    .withCarted(added.item().product(), now, maxInterests).withActivity(now);
            case ProductRemoved removed ->
                    state.withRemovedFromCart(removed.item().product(), removed.item().quantity()).withActivity(now);
            case CartViewed cart -> state.withActivity(now);
            case CheckoutStarted checkout -> state.withActivity(now);
            case OrderCompleted order -> {
                UserState next = state.withOrder(revenue(order).doubleValue()).withActivity(now);
                for (LineItem item : order.items()) {
                    next = next.withPurchased(item.product(), now, maxInterests);
                }
                yield next;
            }
            case OrderShipped shipped -> state;
            case Activity activity -> state.withActivity(now);
            case Identify identify -> state.withProfile(state.profile().withTraits(identify.traits()));
            case Engagement engagement -> engaged(state, engagement, now);
        };
    }

    private static BigDecimal revenue(OrderCompleted order) {
        if (order.revenue() != null) {
            return order.revenue();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (LineItem item : order.items()) {
            if (item.product().price() != null) {
                total = total.add(item.product().price().multiply(BigDecimal.valueOf(item.quantity())));
            }
        }
        return total;
    }

    private static UserState engaged(UserState state, Engagement engagement, long now) {
        Optional<SentMessage> message = state.sent().stream()
                .filter(sent -> sent.messageId().equals(engagement.heraldMessageId()))
                .findFirst();
        Optional<Channel> channel = engagement.findChannel().or(() -> message.map(SentMessage::channel));
        return switch (engagement.engagement()) {
            case DELIVERED -> state.withEngagement(engagement.heraldMessageId(), SentMessage.DELIVERED);
            case OPENED -> state.withEngagement(engagement.heraldMessageId(), SentMessage.OPENED).withActivity(now);
            case CLICKED -> state.withEngagement(engagement.heraldMessageId(), SentMessage.OPENED | SentMessage.CLICKED)
                    .withActivity(now);
            case UNSUBSCRIBED -> {
                UserState next = state;
                if (channel.isPresent()) {
                    next = next.withProfile(next.profile().withoutConsent(channel.get()));
                } else {
                    for (Channel any : Channel.values()) {
                        next = next.withProfile(next.profile().withoutConsent(any));
                    }
                }
                yield next;
            }
            case BOUNCED -> channel.map(c -> state.withProfile(state.profile().withUnusableContact(c,
                    c + " bounced at " + engagement.timestamp()))).orElse(state);
            case FAILED -> state;
        };
    }

    /** Cancels waits and scheduled messages whose exit criteria the event meets. */
    private UserState exits(UserState state, Event event, boolean cartEmptied, long now, List<Effect> effects) {
        UserState current = state;
        int[] byEvent = exitsByType[event.type().ordinal()];
        for (int index : byEvent) {
            current = exit(current, index, event, false, now, effects);
        }
        if (cartEmptied) {
            for (int index : cartEmptiedExits) {
                if (Arrays.binarySearch(byEvent, index) < 0) {
                    current = exit(current, index, event, true, now, effects);
                }
            }
        }
        return current;
    }

    private UserState exit(UserState state, int index, Event event, boolean byCart, long now, List<Effect> effects) {
        TriggerDefinition trigger = triggers.get(index);
        List<String> keys = !byCart && trigger.exit().sameScope() ? scopeKeys(trigger.scope(), event, state) : null;
        UserState current = state;
        boolean restarts = restartsInPlace[index] && trigger.entry().matches(event.type());
        if (!restarts) {
            current = current.withoutArmed(wait -> wait.trigger() == index && covers(keys, wait.scopeKey()));
        }
        if (current.sends().isEmpty()) {
            return current;
        }
        String why = byCart ? "the cart was emptied at " + event.timestamp()
                : event.type().displayName() + " at " + event.timestamp();
        for (ScheduledSend send : current.sends()) {
            if (send.trigger() == index && covers(keys, send.scopeKey())) {
                effects.add(new Effect.Cancelled(send.decision(), Instant.ofEpochMilli(now),
                        TraceStep.fail(Stage.SEND_CHECK, Reason.EXITED, why)));
            }
        }
        return current.withoutSends(send -> send.trigger() == index && covers(keys, send.scopeKey()));
    }

    /** Whether an exit with these scope keys (null or empty: all) covers an occurrence's scope key. */
    private static boolean covers(List<String> keys, String scopeKey) {
        return keys == null || keys.isEmpty() || keys.contains(scopeKey);
    }

    /** Starts or restarts waits of triggers the event enters. */
    private UserState entries(UserState state, Event event, long now) {
        UserState current = state;
        for (int index : entriesByType[event.type().ordinal()]) {
            TriggerDefinition trigger = triggers.get(index);
            for (String key : scopeKeys(trigger.scope(), event, current)) {
                Product product = productOf(event, key);
                if (!meets(trigger, event, product, current, now)) {
                    continue;
                }
                if (!trigger.restartOnEntry() && current.findArmed(index, key).isPresent()) {
                    continue;
                }
                current = current.withArmed(new Armed(index, key, now, now + trigger.waitTime().toMillis(),
                        subjectOf(trigger.scope(), event, product)));
            }
        }
        return current;
    }

    /** The scope keys an event concerns: its cart, its products, its order, or the user. */
    private static List<String> scopeKeys(Scope scope, Event event, UserState state) {
        return switch (scope) {
            case USER -> USER_KEYS;
            case CART -> state.cart().isEmpty() ? List.of() : List.of(state.cart().key());
            case PRODUCT -> productIds(event);
            case ORDER -> switch (event) {
                case OrderShipped shipped -> List.of(shipped.orderId());
                case OrderCompleted order -> order.orderId().isEmpty() ? List.of() : List.of(order.orderId());
                case CheckoutStarted checkout -> checkout.orderId().isEmpty() ? List.of()
                        : List.of(checkout.orderId());
                default -> List.of();
            };
        };
    }

    private static List<String> productIds(Event event) {
        return switch (event) {
            case ProductViewed viewed -> List.of(viewed.product().id());
            case ProductAdded added -> List.of(added.item().product().id());
            case ProductRemoved removed -> List.of(removed.item().product().id());
            case PriceChanged changed -> List.of(changed.product().id());
            case OrderCompleted order -> ids(order.items());
            case OrderShipped shipped -> ids(shipped.items());
            case CartViewed cart -> ids(cart.items());
            case CheckoutStarted checkout -> ids(checkout.items());
            default -> List.of();
        };
    }

    private static List<String> ids(List<LineItem> items) {
        List<String> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add(item.product().id()));
        return ids;
    }

    /** The product an event names with this id, or null. */
    private static Product productOf(Event event, String productId) {
        return switch (event) {
            case ProductViewed viewed -> viewed.product();
            case ProductAdded added -> added.item().product();
            case ProductRemoved removed -> removed.item().product();
            case PriceChanged changed -> changed.product();
            case OrderCompleted order -> find(order.items(), productId);
            case OrderShipped shipped -> find(shipped.items(), productId);
            case CartViewed cart -> find(cart.items(), productId);
            case CheckoutStarted checkout -> find(checkout.items(), productId);
            default -> null;
        };
    }

    private static Product find(List<LineItem> items, String productId) {
        for (LineItem item : items) {
            if (item.product().id().equals(productId)) {
                return item.product();
            }
        }
        return null;
    }

    private static Subject subjectOf(Scope scope, Event event, Product product) {
        return switch (scope) {
            case USER, CART -> Subject.NONE;
            case PRODUCT -> {
                List<LineItem> items = product == null ? List.of() : List.of(new LineItem(product, 1));
                yield event instanceof PriceChanged changed
                        ? new Subject(items, "", changed.previousPrice(), "", "")
                        : Subject.of(items);
            }
            case ORDER -> switch (event) {
                case OrderShipped shipped -> new Subject(shipped.items(), shipped.orderId(), null, shipped.carrier(),
                        shipped.trackingUrl());
                case OrderCompleted order -> new Subject(order.items(), order.orderId(), null, "", "");
                case CheckoutStarted checkout -> new Subject(checkout.items(), checkout.orderId(), null, "", "");
                default -> Subject.NONE;
            };
        };
    }

    /** Whether an entry event meets every condition of the trigger. */
    private static boolean meets(TriggerDefinition trigger, Event event, Product product, UserState state,
            long now) {
        List<Condition> conditions = trigger.entry().conditions();
        if (conditions.isEmpty()) {
            return true;
        }
        Interest interest = product == null ? null : state.findInterest(product.id()).orElse(null);
        for (Condition condition : conditions) {
            if (!meets(condition, event, product, interest, state, now)) {
                return false;
            }
        }
        return true;
    }

    private static boolean meets(Condition condition, Event event, Product product, Interest interest,
            UserState state, long now) {
        return switch (condition) {
            case Condition.ViewedAtLeast viewed -> interest != null && interest.views() >= viewed.times()
                    && Times.within(interest.viewWindowStart(), now, viewed.within().toMillis());
            case Condition.NotInCart notInCart -> product == null || !state.cart().contains(product.id());
            case Condition.NotPurchasedWithin notPurchased -> interest == null
                    || !Times.within(interest.lastPurchased(), now, notPurchased.within().toMillis());
            case Condition.PriceDropAtLeast drop -> event instanceof PriceChanged changed && changed.isDrop()
                    && dropPercent(changed).compareTo(drop.percent()) >= 0;
            case Condition.InterestedWithin interested -> interest != null
                    && (interested.viewed() && Times.within(interest.lastViewed(), now, interested.within().toMillis())
                            || interested.carted()
                                    && Times.within(interest.lastCarted(), now, interested.within().toMillis()));
            case Condition.CartValueAtLeast value -> state.cart().value().compareTo(value.amount()) >= 0;
        };
    }

    private static BigDecimal dropPercent(PriceChanged changed) {
        if (changed.previousPrice().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return changed.previousPrice().subtract(changed.newPrice()).multiply(BigDecimal.valueOf(100))
                .divide(changed.previousPrice(), 4, RoundingMode.HALF_UP);
    }

    /** The longest view-counting window any trigger asks about; views are counted together within it. */
    private static long longestViewWindow(TriggerSet triggers) {
        long longest = 0;
        for (TriggerDefinition trigger : triggers.all()) {
            for (Condition condition : trigger.entry().conditions()) {
                if (condition instanceof Condition.ViewedAtLeast viewed) {
                    longest = Math.max(longest, viewed.within().toMillis());
                }
            }
        }
        return longest == 0 ? DEFAULT_VIEW_WINDOW : longest;
    }
}
