package dev.herald.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.FatigueRules;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.event.UserEvent;
import dev.herald.core.policy.RandomPolicy;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.ContactModel;
import dev.herald.core.testing.RandomShopLog;
import dev.herald.core.testing.RandomShopLog.Log;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Properties of the engine over seeded random shop logs ({@link RandomShopLog}): frequency caps, exits, consent,
 * contact points and quiet hours hold for every message sent; runs are deterministic and do not depend on how
 * events are batched or (within the lateness) ordered; every decision explains itself.
 *
 * <p>Each property runs over 200 seeds (see {@link #SEEDS}). Seed {@code s} uses the new-user profile
 * {@code ASSUMED_REACHABLE} when {@code s} is even and {@code EMPTY} when odd, and the seed policy when
 * {@code s / 2} is even and the random policy when odd. A failure names the seed, the configuration and the
 * events of the user concerned, and lists every failing seed; {@link #replay(long, EngineConfig)} rebuilds a case,
 * and {@code -Dherald.firstSeed=S -Dherald.seeds=1} runs the properties for seed S alone.
 *
 * <p>Timing conventions, as the engine documents them: at an instant, what is due (a wait ending, a message going
 * out) happens before an event of that instant is applied, and a message due at its firing goes out at once. So
 * an exit event counts against a message when it happens in {@code [firedAt, sendAt)}, and the user's profile at
 * send time is the result of their events strictly before {@code sendAt}.
 */
class EnginePropertiesTest {

    /** How many seeds each property runs over; {@code -Dherald.seeds=N} runs more (or fewer). */
    static final int SEEDS = Integer.getInteger("herald.seeds", 200);
    /** The first seed; {@code -Dherald.firstSeed=S -Dherald.seeds=1} replays seed S alone. */
    static final long FIRST_SEED = Long.getLong("herald.firstSeed", 1);
    /** Coverage checks (that the logs exercise what a property is about) need enough seeds to be meaningful. */
    static final boolean COVERAGE = SEEDS >= 100;
    static final Duration LATENESS = Duration.ofHours(1);
    /** The cases of the default configurations, shared by the properties that use them (they only read them). */
    private static final Map<Long, Case> DEFAULT_CASES = new ConcurrentHashMap<>();

    /** The default caps without the "ignores us" rule, which otherwise stops marketing before the caps do. */
    static final FatigueRules NO_IGNORE = new FatigueRules(Duration.ofDays(7), 4, Duration.ofHours(16),
            Map.of(Channel.SMS, 2, Channel.PUSH, 3), 0);
    static final FatigueRules STRICT = new FatigueRules(Duration.ofDays(7), 2, Duration.ofHours(24),
            Map.of(Channel.SMS, 1, Channel.PUSH, 1), 0);
    /** A short window and no spacing, so that several messages may go out at once. */
    static final FatigueRules SHORT = new FatigueRules(Duration.ofDays(3), 3, Duration.ZERO, Map.of(Channel.SMS, 1),
            0);

    static EngineConfig config(long seed) {
        Profile profile = seed % 2 == 0 ? Profile.ASSUMED_REACHABLE : Profile.EMPTY;
        EngineConfig config = EngineConfig.defaults(TestTriggers.shipped(),
                seed / 2 % 2 == 0 ? new SeedPolicy() : new RandomPolicy());
        return config.withNewUserProfile(profile).withSeed(seed).withLateness(LATENESS);
    }

    static String label(EngineConfig config) {
        return "profile " + (config.newUserProfile().equals(Profile.ASSUMED_REACHABLE) ? "ASSUMED_REACHABLE"
                : config.newUserProfile().equals(Profile.EMPTY) ? "EMPTY" : config.newUserProfile())
                + ", policy " + config.policy().name() + ", " + config.fatigue() + ", lateness " + config.lateness();
    }

    /** A generated log (with engagement reports about messages a first run sent) and the effects of running it. */
    record Case(long seed, EngineConfig config, Log log, List<Effect> effects) {

        Case {
            effects = List.copyOf(effects);
        }

        List<Effect.Sent> sent() {
            return effects.stream().filter(Effect.Sent.class::isInstance).map(Effect.Sent.class::cast).toList();
        }

        List<Decision> decisions() {
            return effects.stream().filter(Effect.Decided.class::isInstance)
                    .map(e -> ((Effect.Decided) e).decision()).toList();
        }

        TriggerDefinition trigger(String id) {
            return config.triggers().find(id).orElseThrow();
        }
    }

    /** Rebuilds the case of a seed: the log, its engagement pass, and the effects of feeding it in order. */
    static Case replay(long seed, EngineConfig config) {
        Log base = RandomShopLog.generate(seed);
        List<Effect.Sent> firstPass = sent(run(config, base.events(), base.end()).effects());
        Log log = RandomShopLog.withEngagements(base, firstPass);
        return new Case(seed, config, log, run(config, log.events(), log.end()).effects());
    }

    /** Feeds events one at a time, then moves engine time to the end. */
    static Recorder run(EngineConfig config, List<Event> events, Instant end) {
        Recorder recorder = new Recorder(config);
        events.forEach(recorder.engine()::accept);
        recorder.engine().advanceTo(end);
        return recorder;
    }

    static List<Effect.Sent> sent(List<Effect> effects) {
        return effects.stream().filter(Effect.Sent.class::isInstance).map(Effect.Sent.class::cast).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Frequency caps

    @Test
    void shouldNeverExceedTheFrequencyCaps() {
        FatigueRules[] rules = {FatigueRules.DEFAULTS, NO_IGNORE, STRICT, SHORT};
        Map<Reason, Integer> capped = new TreeMap<>();
        int[] full = new int[1];
        forAllSeeds("frequency caps", seed -> config(seed).withFatigue(rules[(int) (seed / 4 % rules.length)]),
                (c, violations) -> {
                    full[0] += checkCaps(c, violations);
                    for (Effect effect : c.effects()) {
                        Reason reason = switch (effect) {
                            case Effect.Decided decided -> decided.decision().reason();
                            case Effect.Cancelled cancelled -> cancelled.step().reason();
                            default -> null;
                        };
                        if (reason == Reason.WEEKLY_CAP || reason == Reason.MIN_SPACING
                                || reason == Reason.CHANNEL_CAP) {
                            capped.merge(reason, 1, Integer::sum);
                        }
                    }
                });
        if (COVERAGE) {
            assertThat(capped).as("the logs must make the caps bite, or this property tests nothing")
                    .containsKeys(Reason.WEEKLY_CAP, Reason.MIN_SPACING, Reason.CHANNEL_CAP);
            assertThat(full[0]).as("windows holding exactly the cap").isPositive();
        }
    }

    /**
     * Checks the caps of the case's fatigue rules over the marketing messages sent to each user.
     *
     * @return how many windows (ending at a message) hold exactly the weekly cap
     */
    static int checkCaps(Case c, Violations violations) {
        FatigueRules fatigue = c.config().fatigue();
        long window = fatigue.window().toMillis();
        long spacing = fatigue.minSpacing().toMillis();
        Map<String, List<OutgoingMessage>> byUser = new TreeMap<>();
        for (Effect.Sent sent : c.sent()) {
            if (sent.message().kind() == MessageKind.MARKETING) {
                byUser.computeIfAbsent(sent.message().userId(), u -> new ArrayList<>()).add(sent.message());
            }
        }
        int full = 0;
        for (Map.Entry<String, List<OutgoingMessage>> entry : byUser.entrySet()) {
            String user = entry.getKey();
            List<OutgoingMessage> messages = entry.getValue();
            messages.sort(Comparator.comparing(OutgoingMessage::sendAt));
            for (int i = 0; i < messages.size(); i++) {
                OutgoingMessage message = messages.get(i);
                long at = message.sendAt().toEpochMilli();
                List<OutgoingMessage> inWindow = messages.stream().filter(m -> m.sendAt().toEpochMilli() >= at - window
                        && m.sendAt().toEpochMilli() <= at).toList();
                if (inWindow.size() > fatigue.weeklyCap()) {
                    violations.add(user, inWindow.size() + " marketing messages in the " + fatigue.window() + " up to "
                            + message.sendAt() + " (cap " + fatigue.weeklyCap() + "): " + brief(inWindow));
                }
                full += inWindow.size() == fatigue.weeklyCap() ? 1 : 0;
                for (Channel channel : Channel.values()) {
                    List<OutgoingMessage> onChannel = inWindow.stream().filter(m -> m.channel() == channel).toList();
                    if (onChannel.size() > fatigue.capFor(channel)) {
                        violations.add(user, onChannel.size() + " marketing " + channel + " messages in the "
                                + fatigue.window() + " up to " + message.sendAt() + " (cap " + fatigue.capFor(channel)
                                + "): " + brief(onChannel));
                    }
                }
                if (i > 0 && at - messages.get(i - 1).sendAt().toEpochMilli() < spacing) {
                    violations.add(user, "marketing messages less than " + fatigue.minSpacing() + " apart: "
                            + brief(messages.subList(i - 1, i + 1)));
                }
            }
        }
        return full;
    }

    private static String brief(List<OutgoingMessage> messages) {
        List<String> parts = new ArrayList<>();
        messages.forEach(m -> parts.add(m.triggerId() + "/" + m.channel() + "@" + m.sendAt()));
        return parts.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Exits, consent, contact points; quiet hours

    /** A user's event (or a price change of a product they touched) with the cart facts after it. */
    private record Moment(Event event, boolean cartEmptied, List<String> cartKeys) {

        long at() {
            return event.timestamp().toEpochMilli();
        }
    }

    /** The user's events and the price changes that reach them, with an independent model of the cart. */
    private static List<Moment> timeline(Log log, String user) {
        Map<String, Integer> cart = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        String key = "";
        int carts = 0;
        List<Moment> moments = new ArrayList<>();
        for (Event event : log.events()) {
            if (event instanceof PriceChanged change) {
                if (touched.contains(change.product().id())) {
                    moments.add(new Moment(event, false, cart.isEmpty() ? List.of() : List.of(key)));
                }
                continue;
            }
            if (!(event instanceof UserEvent mine) || !mine.userId().equals(user)) {
                continue;
            }
            boolean hadItems = !cart.isEmpty();
            switch (event) {
                case ProductViewed viewed -> touched.add(viewed.product().id());
                case ProductAdded added -> {
                    if (cart.isEmpty()) {
                        carts++;
                        key = added.cartId().isEmpty() ? "cart-" + carts : added.cartId();
                    }
                    cart.merge(added.item().product().id(), added.item().quantity(), Integer::sum);
                    touched.add(added.item().product().id());
                }
                case ProductRemoved removed -> cart.computeIfPresent(removed.item().product().id(),
                        (p, held) -> held > removed.item().quantity() ? held - removed.item().quantity() : null);
                case OrderCompleted order -> cart.clear();
                default -> {
                    // No cart change.
                }
            }
            moments.add(new Moment(event, hadItems && cart.isEmpty(), cart.isEmpty() ? List.of() : List.of(key)));
        }
        return moments;
    }

    /** What an event concerns within a scope; an exit whose event concerns nothing in particular covers all. */
    private static List<String> scopeKeys(Scope scope, Moment moment) {
        return switch (scope) {
            case USER -> List.of("user");
            case CART -> moment.cartKeys();
            case PRODUCT -> switch (moment.event()) {
                case ProductViewed viewed -> List.of(viewed.product().id());
                case ProductAdded added -> List.of(added.item().product().id());
                case ProductRemoved removed -> List.of(removed.item().product().id());
                case PriceChanged changed -> List.of(changed.product().id());
                case OrderCompleted order -> productIds(order.items());
                case OrderShipped shipped -> productIds(shipped.items());
                case CartViewed cart -> productIds(cart.items());
                case CheckoutStarted checkout -> productIds(checkout.items());
                default -> List.of();
            };
            case ORDER -> switch (moment.event()) {
                case OrderShipped shipped -> List.of(shipped.orderId());
                case OrderCompleted order -> order.orderId().isEmpty() ? List.of() : List.of(order.orderId());
                case CheckoutStarted checkout -> checkout.orderId().isEmpty() ? List.of()
                        : List.of(checkout.orderId());
                default -> List.of();
            };
        };
    }

    private static List<String> productIds(List<LineItem> items) {
        return items.stream().map(item -> item.product().id()).toList();
    }

    /** Whether the moment meets the trigger's exit criteria for an occurrence with this scope key. */
    private static boolean exits(TriggerDefinition trigger, String scopeKey, Moment moment) {
        if (trigger.exit().cartEmptied() && moment.cartEmptied()) {
            return true;
        }
        if (!trigger.exit().matches(moment.event().type())) {
            return false;
        }
        List<String> keys = scopeKeys(trigger.scope(), moment);
        return !trigger.exit().sameScope() || keys.isEmpty() || keys.contains(scopeKey);
    }

    /** The reachability model after every event of the user strictly before {@code at}. */
    private static ContactModel contactAt(Case c, List<Moment> moments, List<Effect.Sent> sentToUser, long at) {
        ContactModel model = new ContactModel(c.config().newUserProfile());
        for (Moment moment : moments) {
            if (moment.at() >= at) {
                break;
            }
            switch (moment.event()) {
                case Identify identify -> model.apply(identify);
                case Engagement engagement -> model.apply(engagement, sentToUser.stream()
                        .filter(s -> s.message().messageId().equals(engagement.heraldMessageId())
                                && !s.message().sendAt().isAfter(engagement.timestamp()))
                        .map(s -> s.message().channel()).findFirst());
                default -> {
                    // Not about reachability.
                }
            }
        }
        return model;
    }

    private static boolean quiet(QuietHours hours, Instant at, ZoneId zone) {
        LocalTime time = at.atZone(zone).toLocalTime();
        boolean afterStart = !time.isBefore(hours.start());
        boolean beforeEnd = time.isBefore(hours.end());
        return hours.start().isBefore(hours.end()) ? afterStart && beforeEnd : afterStart || beforeEnd;
    }

    @Test
    void shouldSendNothingAfterAnExitOrWithoutConsentOrContact() {
        Map<String, Integer> seen = new TreeMap<>();
        forAllSeeds("exits, consent, contact points", (c, violations) -> {
            checkSends(c, violations);
            c.sent().forEach(sent -> seen.merge(sent.message().triggerId(), 1, Integer::sum));
        });
        if (COVERAGE) {
            assertThat(seen).as("messages sent per trigger over all seeds").containsKeys("abandoned_cart",
                    "browse_abandonment", "inactivity", "price_drop", "order_shipped");
        }
    }

    /**
     * Quiet hours hold at send time, in the user's zone then. Known to fail (engine bug, to be fixed in the engine):
     * {@link SendCheck} does not look at quiet hours, so a user whose time zone changes between decision and send
     * gets an SMS or push inside quiet hours in the new zone. Smallest case: ASSUMED_REACHABLE, seed policy,
     * {@code Order Shipped} at 10:00Z (SMS scheduled for 12:00Z), then {@code Identify {timezone:
     * Australia/Sydney}} at 10:01Z: the SMS goes out at 12:00Z, 23:00 in Sydney.
     */
    @Test
    void shouldSendNoSmsOrPushInQuietHours() {
        forAllSeeds("quiet hours", EnginePropertiesTest::checkQuietHours);
    }

    /**
     * Checks every decision against the exits of its trigger, and every sent message against the exits and the
     * user's consent and contact points at send time.
     */
    static void checkSends(Case c, Violations violations) {
        Map<String, List<Moment>> timelines = new HashMap<>();
        for (String user : c.log().userIds()) {
            timelines.put(user, timeline(c.log(), user));
        }
        for (Decision decision : c.decisions()) {
            TriggerDefinition trigger = c.trigger(decision.occurrence().triggerId());
            long anchor = decision.occurrence().anchor().toEpochMilli();
            long fired = decision.occurrence().firedAt().toEpochMilli();
            for (Moment moment : timelines.get(decision.userId())) {
                if (moment.at() > anchor && moment.at() < fired
                        && exits(trigger, decision.occurrence().scopeKey(), moment)) {
                    violations.add(decision.userId(), trigger.id() + " for " + decision.occurrence().scopeKey()
                            + " fired at " + decision.occurrence().firedAt() + " (wait from "
                            + decision.occurrence().anchor() + ") after its exit event "
                            + RandomShopLog.describe(moment.event()));
                }
            }
        }
        Map<String, List<Effect.Sent>> sentByUser = new HashMap<>();
        c.sent().forEach(s -> sentByUser.computeIfAbsent(s.message().userId(), u -> new ArrayList<>()).add(s));
        for (Effect.Sent sent : c.sent()) {
            OutgoingMessage message = sent.message();
            String user = message.userId();
            TriggerDefinition trigger = c.trigger(message.triggerId());
            long anchor = sent.decision().occurrence().anchor().toEpochMilli();
            long fired = sent.decision().occurrence().firedAt().toEpochMilli();
            long sendAt = message.sendAt().toEpochMilli();
            String what = trigger.id() + " for " + sent.decision().occurrence().scopeKey() + " fired at "
                    + sent.decision().occurrence().firedAt() + ", sent on " + message.channel() + " at "
                    + message.sendAt();
            List<Moment> moments = timelines.get(user);
            for (Moment moment : moments) {
                // Due messages go out before an event of the same instant is applied; a firing comes first too.
                if (moment.at() > anchor && moment.at() >= fired && moment.at() < sendAt
                        && exits(trigger, sent.decision().occurrence().scopeKey(), moment)) {
                    violations.add(user, what + " after its exit event " + RandomShopLog.describe(moment.event()));
                }
            }
            ContactModel contact = contactAt(c, moments, sentByUser.get(user), sendAt);
            if (!contact.usable(message.channel())) {
                violations.add(user, what + " without a usable contact point: " + contact.describe());
            }
            if (trigger.isMarketing() && !contact.consents(message.channel())) {
                violations.add(user, what + " without marketing consent: " + contact.describe());
            }
        }
    }

    /**
     * Checks that no SMS or push message of a trigger that respects quiet hours goes out inside them, in the user's
     * time zone at send time (the engine's default zone when they gave none).
     */
    static void checkQuietHours(Case c, Violations violations) {
        Map<String, List<Effect.Sent>> sentByUser = new HashMap<>();
        c.sent().forEach(s -> sentByUser.computeIfAbsent(s.message().userId(), u -> new ArrayList<>()).add(s));
        Map<String, List<Moment>> timelines = new HashMap<>();
        for (Effect.Sent sent : c.sent()) {
            OutgoingMessage message = sent.message();
            QuietHours hours = c.config().quietHours().get(message.channel());
            if (hours == null || !c.trigger(message.triggerId()).quietHours()) {
                continue;
            }
            String user = message.userId();
            List<Moment> moments = timelines.computeIfAbsent(user, u -> timeline(c.log(), u));
            ZoneId zone = contactAt(c, moments, sentByUser.get(user), message.sendAt().toEpochMilli()).zone()
                    .orElse(c.config().defaultZone());
            if (quiet(hours, message.sendAt(), zone)) {
                ZoneId decidedIn = contactAt(c, moments, sentByUser.get(user),
                        sent.decision().decidedAt().toEpochMilli()).zone().orElse(c.config().defaultZone());
                violations.add(user, message.triggerId() + " for " + sent.decision().occurrence().scopeKey()
                        + " decided at " + sent.decision().decidedAt() + ", sent on " + message.channel() + " at "
                        + message.sendAt() + " in its quiet hours " + hours + ": local time "
                        + message.sendAt().atZone(zone).toLocalTime() + " in " + zone + " (the user's zone when it "
                        + "was decided: " + decidedIn + ")");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Determinism

    @Test
    void shouldGiveTheSameEffectsForTheSameLog() {
        forAllSeeds("determinism", (c, violations) -> {
            List<Effect> again = run(c.config(), c.log().events(), c.log().end()).effects();
            compare(c.effects(), again, "a second fresh engine", violations);
            // A user's effects do not depend on other users' events.
            SplittableRandom random = RandomShopLog.random(c.seed(), 3);
            List<String> users = c.log().userIds();
            for (int i = 0; i < 3; i++) {
                String user = users.get(random.nextInt(users.size()));
                List<Event> alone = c.log().eventsOf(user);
                List<Effect> theirs = c.effects().stream().filter(e -> user.equals(userOf(e))).toList();
                compare(theirs, run(c.config(), alone, c.log().end()).effects(), user + " run alone (with the price "
                        + "changes)", violations);
            }
        });
    }

    private static String userOf(Effect effect) {
        return switch (effect) {
            case Effect.Decided decided -> decided.decision().userId();
            case Effect.Sent sent -> sent.decision().userId();
            case Effect.Cancelled cancelled -> cancelled.decision().userId();
            case Effect.Late late -> late.event() instanceof UserEvent user ? user.userId() : "";
        };
    }

    /** Records the first difference between two effect lists. */
    private static void compare(List<Effect> expected, List<Effect> actual, String how, Violations violations) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Effect want = i < expected.size() ? expected.get(i) : null;
            Effect got = i < actual.size() ? actual.get(i) : null;
            if (want == null || !want.equals(got)) {
                violations.add(want != null ? userOf(want) : got != null ? userOf(got) : null,
                        how + " differs at effect "
                                + i + " of " + expected.size() + " (vs " + actual.size() + "):\n      expected " + want
                                + "\n      actual   " + got);
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Batching and arrival order

    @Test
    void shouldNotDependOnBatchingOrOnArrivalOrderWithinTheLateness() {
        int[] lates = new int[1];
        forAllSeeds("batching and lateness", (c, violations) -> {
            List<Event> events = c.log().events();
            Instant end = c.log().end();
            SplittableRandom random = RandomShopLog.random(c.seed(), 4);

            // (b) In order, with advanceTo calls at random times no later than the next event.
            Recorder chunked = new Recorder(c.config());
            long previous = RandomShopLog.T0.toEpochMilli();
            for (Event event : events) {
                long next = event.timestamp().toEpochMilli();
                while (random.nextDouble() < 0.2) {
                    previous += random.nextLong(next - previous + 1);
                    chunked.engine().advanceTo(Instant.ofEpochMilli(previous));
                }
                chunked.engine().accept(event);
                previous = next;
            }
            chunked.engine().advanceTo(end);
            compare(c.effects(), chunked.effects(), "feeding in chunks with advanceTo between them", violations);

            // (c) Each event arriving up to the lateness late: nothing is late, nothing changes.
            long lateness = c.config().lateness().toMillis();
            Recorder shuffled = run(c.config(), arrivalOrder(events, random, lateness, 0), end);
            compare(c.effects(), shuffled.effects(), "arrival up to " + c.config().lateness() + " late", violations);
            if (shuffled.engine().lateCount() != 0) {
                violations.add(null, shuffled.engine().lateCount() + " events reported late although none arrived "
                        + "more than the lateness late");
            }

            // (d) Some events arriving up to three times the lateness late: exactly those that come after an event
            // more than the lateness newer are reported late; the others are processed as if the late ones were
            // not in the log.
            List<Event> arrivals = arrivalOrder(events, random, lateness, 0.1);
            List<Event> expectedLate = new ArrayList<>();
            long newest = Long.MIN_VALUE;
            for (Event event : arrivals) {
                long at = event.timestamp().toEpochMilli();
                if (newest != Long.MIN_VALUE && at < newest - lateness) {
                    expectedLate.add(event);
                }
                newest = Math.max(newest, at);
            }
            Recorder overshoot = run(c.config(), arrivals, end);
            List<Event> reported = overshoot.effects().stream().filter(Effect.Late.class::isInstance)
                    .map(e -> ((Effect.Late) e).event()).toList();
            if (!reported.equals(expectedLate)) {
                violations.add(null, "reported late " + describeAll(reported) + ", expected " + describeAll(
                        expectedLate));
            }
            if (overshoot.engine().lateCount() != expectedLate.size()
                    || overshoot.engine().processedCount() + overshoot.engine().lateCount() != events.size()) {
                violations.add(null, "processed " + overshoot.engine().processedCount() + " and late "
                        + overshoot.engine().lateCount() + " of " + events.size() + " events; expected "
                        + expectedLate.size() + " late");
            }
            for (Effect effect : overshoot.effects()) {
                if (effect instanceof Effect.Late late && !late.watermark().isAfter(late.event().timestamp())) {
                    violations.add(null, "late event " + RandomShopLog.describe(late.event()) + " has watermark "
                            + late.watermark() + ", not after it");
                }
            }
            Set<Event> dropped = new HashSet<>(expectedLate);
            List<Effect> kept = overshoot.effects().stream().filter(e -> !(e instanceof Effect.Late)).toList();
            compare(run(c.config(), events.stream().filter(e -> !dropped.contains(e)).toList(), end).effects(), kept,
                    "arrival beyond the lateness (vs. the log without the late events)", violations);
            lates[0] += expectedLate.size();

            // (e) Unbounded lateness: any arrival order, flushed, gives the same effects.
            List<Event> anyOrder = new ArrayList<>(events);
            for (int i = anyOrder.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                anyOrder.set(i, anyOrder.set(j, anyOrder.get(i)));
            }
            Recorder unbounded = new Recorder(c.config().withLateness(null));
            anyOrder.forEach(unbounded.engine()::accept);
            unbounded.engine().flush();
            unbounded.engine().advanceTo(end);
            compare(c.effects(), unbounded.effects(), "any arrival order with unbounded lateness, flushed",
                    violations);
        });
        if (COVERAGE) {
            assertThat(lates[0]).as("events arriving beyond the lateness over all seeds").isPositive();
        }
    }

    /**
     * An arrival order: each event is delayed by up to {@code lateness} (with probability {@code overshoot}, by up
     * to three times that) and events arrive in order of timestamp plus delay.
     */
    private static List<Event> arrivalOrder(List<Event> events, SplittableRandom random, long lateness,
            double overshoot) {
        record Arrival(Event event, long at) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (Event event : events) {
            long bound = random.nextDouble() < overshoot ? 3 * lateness : lateness;
            arrivals.add(new Arrival(event, event.timestamp().toEpochMilli() + random.nextLong(bound + 1)));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        return arrivals.stream().map(Arrival::event).toList();
    }

    private static String describeAll(List<Event> events) {
        List<String> parts = new ArrayList<>();
        events.forEach(e -> parts.add(RandomShopLog.describe(e)));
        return parts.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6. Explanations and the life of a scheduled message

    @Test
    void shouldExplainEveryDecisionAndEndEveryMessageOnce() {
        forAllSeeds("explanations", (c, violations) -> {
            Map<String, Decision> scheduled = new HashMap<>();
            Set<String> ids = new HashSet<>();
            Set<String> ended = new HashSet<>();
            for (Effect effect : c.effects()) {
                switch (effect) {
                    case Effect.Decided decided -> {
                        Decision decision = decided.decision();
                        explained(decision, violations);
                        if (!ids.add(decision.id())) {
                            violations.add(decision.userId(), "decision id " + decision.id() + " used twice");
                        }
                        if (decision.isScheduled()) {
                            scheduled.put(decision.id(), decision);
                        }
                    }
                    case Effect.Sent sent -> {
                        ended(sent.decision(), scheduled, ended, "sent", violations);
                        OutgoingMessage message = sent.message();
                        if (!message.messageId().equals(sent.decision().id())
                                || !message.sendAt().equals(sent.decision().action().sendAt())
                                || message.channel() != sent.decision().action().channel()
                                || !message.variant().equals(sent.decision().action().variant())) {
                            violations.add(message.userId(), "message " + message + " is not what " + sent.decision()
                                    + " scheduled");
                        }
                    }
                    case Effect.Cancelled cancelled -> {
                        ended(cancelled.decision(), scheduled, ended, "cancelled", violations);
                        TraceStep step = cancelled.step();
                        if (step.passed() || step.reason() == null || step.stage() != Stage.SEND_CHECK) {
                            violations.add(cancelled.decision().userId(), "cancellation without a reason: " + step);
                        }
                        if (cancelled.at().isBefore(cancelled.decision().decidedAt())
                                || cancelled.decision().isScheduled()
                                        && cancelled.at().isAfter(cancelled.decision().action().sendAt())) {
                            violations.add(cancelled.decision().userId(), "cancelled at " + cancelled.at()
                                    + ", outside its decision's time " + cancelled.decision().decidedAt() + " to "
                                    + cancelled.decision().findAction().map(a -> a.sendAt().toString()).orElse("?"));
                        }
                    }
                    case Effect.Late late -> violations.add(null, "late event in an in-order run: " + late);
                }
            }
            scheduled.values().forEach(decision -> {
                if (!ended.contains(decision.id()) && !decision.action().sendAt().isAfter(c.log().end())) {
                    violations.add(decision.userId(), "scheduled for " + decision.action().sendAt() + " but never "
                            + "sent or cancelled by " + c.log().end() + ": " + decision);
                }
            });
        });
    }

    private static void explained(Decision decision, Violations violations) {
        List<TraceStep> trace = decision.trace();
        String user = decision.userId();
        if (trace.isEmpty()) {
            violations.add(user, "decision without a trace: " + decision);
            return;
        }
        TraceStep last = trace.get(trace.size() - 1);
        long failed = trace.stream().filter(step -> !step.passed()).count();
        if (decision.reason() != null) {
            if (last.passed() || last.reason() != decision.reason() || failed != 1) {
                violations.add(user, "suppressed with " + decision.reason() + " but the trace does not end in that "
                        + "one failed step: " + trace);
            }
            if (decision.propensity() != 0) {
                violations.add(user, "suppressed decision with propensity " + decision.propensity());
            }
        } else {
            if (failed != 0 || last.stage() != Stage.SCHEDULE) {
                violations.add(user, "scheduled decision whose trace does not end in a passed schedule step: "
                        + trace);
            }
            if (!(decision.propensity() > 0 && decision.propensity() <= 1)) {
                violations.add(user, "scheduled decision with propensity " + decision.propensity());
            }
            if (decision.action().sendAt().isBefore(decision.decidedAt())) {
                violations.add(user, "scheduled before it was decided: " + decision);
            }
        }
    }

    private static void ended(Decision decision, Map<String, Decision> scheduled, Set<String> ended, String how,
            Violations violations) {
        Decision original = scheduled.get(decision.id());
        if (original == null || !sameOccurrenceAndChoice(original, decision)) {
            violations.add(decision.userId(), how + " a message no decision scheduled: " + decision);
        } else if (!ended.add(decision.id())) {
            violations.add(decision.userId(), how + " a message that was already sent or cancelled: " + decision);
        }
    }

    /**
     * Whether an ended message is the one a decision scheduled: the same occurrence, channel and variant; the ended
     * decision's trace holds only the send-time steps that moved it (out of quiet hours, or to another channel; a
     * channel change is always such a step).
     */
    private static boolean sameOccurrenceAndChoice(Decision original, Decision ended) {
        boolean moved = !ended.trace().isEmpty();
        return original.occurrence().equals(ended.occurrence())
                && (original.action().channel() == ended.action().channel() || moved)
                && original.action().variant().equals(ended.action().variant())
                && !ended.action().sendAt().isBefore(original.action().sendAt())
                && ended.trace().stream().allMatch(step -> step.stage() == Stage.SEND_CHECK && step.passed());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running a property over the seeds

    /** The violations found in one case, and the user of the first. */
    static final class Violations {
        private final List<String> lines = new ArrayList<>();
        private String user;

        List<String> lines() {
            return lines;
        }

        void add(String userId, String text) {
            if (user == null && userId != null && !userId.isEmpty()) {
                user = userId;
            }
            lines.add((userId == null || userId.isEmpty() ? "" : userId + ": ") + text);
        }
    }

    /**
     * Checks a property over every seed; fails with the first failing seed's violations, its configuration and the
     * events of the user concerned, and the list of every failing seed.
     */
    private static void forAllSeeds(String property, LongFunction<EngineConfig> configs,
            BiConsumer<Case, Violations> check) {
        forAllSeeds(property, configs, seed -> replay(seed, configs.apply(seed)), check);
    }

    /** Checks a property over every seed's case with the default configuration of {@link #config(long)}. */
    private static void forAllSeeds(String property, BiConsumer<Case, Violations> check) {
        forAllSeeds(property, EnginePropertiesTest::config,
                seed -> DEFAULT_CASES.computeIfAbsent(seed, s -> replay(s, config(s))), check);
    }

    private static void forAllSeeds(String property, LongFunction<EngineConfig> configs, LongFunction<Case> cases,
            BiConsumer<Case, Violations> check) {
        List<Long> failing = new ArrayList<>();
        String report = null;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            EngineConfig config = configs.apply(seed);
            Violations violations = new Violations();
            Log log = null;
            try {
                Case c = cases.apply(seed);
                log = c.log();
                check.accept(c, violations);
            } catch (RuntimeException | AssertionError e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                violations.add(null, "threw " + trace.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b)
                        .orElse(""));
            }
            if (!violations.lines.isEmpty()) {
                failing.add(seed);
                if (report == null) {
                    Log shown = log != null ? log : RandomShopLog.generate(seed);
                    String user = Optional.ofNullable(violations.user).orElse(shown.userIds().get(0));
                    report = property + " fails for seed " + seed + " (" + label(config) + "), "
                            + violations.lines.size() + " violation(s):\n  - "
                            + String.join("\n  - ", violations.lines.subList(0, Math.min(5, violations.lines.size())))
                            + "\n" + shown.describe(user, 80)
                            + "\nReplay: EnginePropertiesTest.replay(" + seed + ", <the configuration above>), or run "
                            + "with -Dherald.firstSeed=" + seed + " -Dherald.seeds=1.";
                }
            }
        }
        if (report != null) {
            fail(report + "\nFailing seeds (" + failing.size() + " of " + SEEDS + "): " + failing);
        }
    }
}
