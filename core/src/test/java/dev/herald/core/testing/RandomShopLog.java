package dev.herald.core.testing;

import dev.herald.core.engine.Effect;
import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Event;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Seeded random shop logs for property tests: 1 to 20 users over 1 to 30 days viewing, carting, removing, ordering
 * and coming back, orders being shipped, profiles being identified (with good and bad contact points, consent, time
 * zones and preferred channels), engagement reports, and catalog price changes (ups and downs) over a small product
 * pool, so that price drops fan out to several users. Gaps between a user's events range from seconds to days so
 * that every shipped trigger fires: abandoned carts, repeated views, seven quiet days, price drops, shipments.
 *
 * <p>The same seed always gives the same log (event ids included). Timestamps are distinct, so the order of a log
 * sorted by time is unambiguous. Identify traits never hold two keys that the profile reads as the same trait, or
 * {@code unsubscribed} together with {@code consent}: the order in which a trait map is read is not part of the
 * contract, so such maps would make a log's meaning depend on it.
 */
public final class RandomShopLog {

    /** The start of every log: a Monday, a week before the United States switch to summer time. */
    public static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    public static final List<String> VALID_EMAILS = List.of("ann@example.com", "bob.smith@shop.example.org");
    public static final List<String> INVALID_EMAILS = List.of("not-an-email", "ann@", "a b@example.com");
    public static final List<String> VALID_PHONES = List.of("+14155550123", "+4930123456");
    public static final List<String> INVALID_PHONES = List.of("12345", "0044 20 7946 0958", "+0123456789");
    public static final List<String> PUSH_TOKENS = List.of("tok-abc", "fcm:xyz-1");
    /** Time zone traits: valid IANA names, one unknown name (ignored by the profile) and the empty reset. */
    public static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney", "Mars/Olympus", "");

    private static final List<String> CONSENT_NAMES = List.of("email", "sms", "push", "in_app", "EMAIL", "in-app",
            "fax");
    private static final List<Object> CONSENT_VALUES = List.of(true, true, false, "true", "false", "yes", 1);
    private static final List<String> PREFERRED = List.of("sms", "push", "email", "in_app", "pigeon", "");

    /**
     * A generated log.
     *
     * @param events every event, sorted by timestamp, timestamps distinct
     * @param end a time after the last event, to move engine time to so that pending waits and messages fire
     */
    public record Log(long seed, int users, int days, int products, List<Event> events, Instant end) {

        public Log {
            events = List.copyOf(events);
        }

        /** The user ids, {@code u0} to {@code u(n-1)}. */
        public List<String> userIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                ids.add("u" + i);
            }
            return ids;
        }

        /** The events of one user, in time order, with the price changes interleaved. */
        public List<Event> eventsOf(String userId) {
            return events.stream().filter(e -> e instanceof PriceChanged || e instanceof UserEvent user
                    && user.userId().equals(userId)).toList();
        }

        /** One line: sizes and counts by event type. */
        public String summary() {
            Map<String, Integer> counts = new TreeMap<>();
            events.forEach(e -> counts.merge(e.type().displayName(), 1, Integer::sum));
            return "RandomShopLog.generate(" + seed + "): " + users + " users, " + days + " days, " + products
                    + " products, " + events.size() + " events " + counts + ", end " + end;
        }

        /** The summary and the events of one user (with price changes), at most {@code max} lines of them. */
        public String describe(String userId, int max) {
            StringBuilder text = new StringBuilder(summary()).append("\n  events of ").append(userId)
                    .append(" (and price changes):");
            List<Event> mine = eventsOf(userId);
            for (int i = 0; i < mine.size() && i < max; i++) {
                text.append("\n    ").append(RandomShopLog.describe(mine.get(i)));
            }
            if (mine.size() > max) {
                text.append("\n    ... ").append(mine.size() - max).append(" more");
            }
            return text.toString();
        }
    }

    private final long seed;
    private final SplittableRandom random;
    private final List<Draft> drafts = new ArrayList<>();
    private final int productCount;
    private final BigDecimal[] prices;
    private int ids;

    private record PastOrder(String orderId, List<LineItem> items) {}

    /** An event not yet given its final (distinct) timestamp. */
    private record Draft(long at, int order, Function<Instant, Event> make) {}

    private RandomShopLog(long seed) {
        this.seed = seed;
        this.random = random(seed, 1);
        this.productCount = 2 + random.nextInt(9);
        this.prices = new BigDecimal[productCount];
        for (int i = 0; i < productCount; i++) {
            prices[i] = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
        }
    }

    /**
     * A random stream for a seed and a purpose. Split off a seeded generator so that neighbouring seeds give unrelated
     * streams: {@code new SplittableRandom(s * GOLDEN_GAMMA)} would give seed {@code s + 1} the stream of {@code s}
     * shifted by one draw.
     */
    public static SplittableRandom random(long seed, int purpose) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < purpose; i++) {
            root.split();
        }
        return root.split();
    }

    /** The log for a seed. */
    public static Log generate(long seed) {
        return new RandomShopLog(seed).build();
    }

    /**
     * The log with engagement reports about messages that were really sent (a second pass): some opened or
     * clicked, a few unsubscribed from or bounced, after their send time. Ids are the messages' own, so the reports
     * refer to real messages as long as the second run still sends them.
     */
    public static Log withEngagements(Log log, List<Effect.Sent> sent) {
        SplittableRandom random = random(log.seed(), 2);
        List<Event> events = new ArrayList<>(log.events());
        int n = 0;
        for (Effect.Sent message : sent) {
            double roll = random.nextDouble();
            if (roll > 0.5) {
                continue;
            }
            EngagementType type = roll < 0.3 ? EngagementType.OPENED
                    : roll < 0.4 ? EngagementType.CLICKED
                            : roll < 0.45 ? EngagementType.UNSUBSCRIBED : EngagementType.BOUNCED;
            Instant at = message.message().sendAt().plusMillis(60_000 + random.nextLong(36 * 3_600_000L));
            if (at.isAfter(log.end())) {
                continue;
            }
            Channel channel = random.nextBoolean() ? message.message().channel() : null;
            events.add(new Engagement("s" + log.seed() + "-x" + n++, message.message().userId(), at, type,
                    message.message().messageId(), channel));
        }
        return new Log(log.seed(), log.users(), log.days(), log.products(), distinct(events), log.end());
    }

    /** Sorts events by time and moves ties 1 ms apart (keeping their order), so that timestamps are distinct. */
    private static List<Event> distinct(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::timestamp));
        List<Event> out = new ArrayList<>(sorted.size());
        long last = Long.MIN_VALUE;
        for (Event event : sorted) {
            long at = event.timestamp().toEpochMilli();
            if (at <= last) {
                at = last + 1;
                event = retimed(event, Instant.ofEpochMilli(at));
            }
            out.add(event);
            last = at;
        }
        return out;
    }

    private static Event retimed(Event e, Instant t) {
        return switch (e) {
            case Engagement g -> new Engagement(g.messageId(), g.userId(), t, g.engagement(), g.heraldMessageId(),
                    g.channel());
            case Identify i -> new Identify(i.messageId(), i.userId(), t, i.traits());
            case Activity a -> new Activity(a.messageId(), a.userId(), t, a.name());
            case ProductViewed v -> new ProductViewed(v.messageId(), v.userId(), t, v.product());
            case ProductAdded a -> new ProductAdded(a.messageId(), a.userId(), t, a.cartId(), a.item());
            case ProductRemoved r -> new ProductRemoved(r.messageId(), r.userId(), t, r.cartId(), r.item());
            case CartViewed c -> new CartViewed(c.messageId(), c.userId(), t, c.cartId(), c.items());
            case CheckoutStarted c -> new CheckoutStarted(c.messageId(), c.userId(), t, c.orderId(), c.items(),
                    c.value());
            case OrderCompleted o -> new OrderCompleted(o.messageId(), o.userId(), t, o.orderId(), o.items(),
                    o.revenue(), o.currency());
            case OrderShipped s -> new OrderShipped(s.messageId(), s.userId(), t, s.orderId(), s.items(),
                    s.carrier(), s.trackingUrl());
            case PriceChanged p -> new PriceChanged(p.messageId(), t, p.product(), p.previousPrice());
        };
    }

    private Log build() {
        int users = 1 + random.nextInt(20);
        int days = 1 + random.nextInt(30);
        long span = days * 86_400_000L;
        for (int u = 0; u < users; u++) {
            user("u" + u, span);
        }
        prices(span);
        drafts.sort(Comparator.comparingLong(Draft::at).thenComparingInt(Draft::order));
        List<Event> events = new ArrayList<>(drafts.size());
        long last = T0.toEpochMilli() - 1;
        for (Draft draft : drafts) {
            long at = Math.max(draft.at(), last + 1);
            events.add(draft.make().apply(Instant.ofEpochMilli(at)));
            last = at;
        }
        Instant end = Instant.ofEpochMilli(Math.max(last, T0.toEpochMilli() + span)
                + random.nextLong(10 * 86_400_000L));
        return new Log(seed, users, days, productCount, events, end);
    }

    private String nextId() {
        return "s" + seed + "-" + ids++;
    }

    private void emit(long at, Function<Instant, Event> make) {
        drafts.add(new Draft(at, drafts.size(), make));
    }

    private Product product(int index) {
        return Events.product("p" + index, prices[index].toPlainString());
    }

    /** A gap between two of a user's events: seconds, minutes, hours or days. */
    private long gap() {
        double roll = random.nextDouble();
        long base = roll < 0.37 ? 5_000 + random.nextLong(600_000)
                : roll < 0.72 ? 120_000 + random.nextLong(2 * 3_600_000L)
                        : roll < 0.92 ? 3_600_000L + random.nextLong(20 * 3_600_000L)
                                : 86_400_000L + random.nextLong(9 * 86_400_000L);
        return base + random.nextInt(1000);
    }

    private void user(String userId, long span) {
        long start = T0.toEpochMilli() + random.nextLong(span / 2 + 1);
        long stop = start + random.nextLong(T0.toEpochMilli() + span - start + 1);
        Map<Integer, Integer> cart = new LinkedHashMap<>();
        List<PastOrder> orders = new ArrayList<>();
        int lastViewed = random.nextInt(productCount);
        long t = start;
        if (random.nextDouble() < 0.6) {
            Map<String, Object> traits = firstTraits();
            String id = nextId();
            emit(t, at -> new Identify(id, userId, at, traits));
            t += gap();
        }
        while (t <= stop) {
            double roll = random.nextDouble();
            String id = nextId();
            if (roll < 0.33) {
                int p = random.nextDouble() < 0.55 ? lastViewed : random.nextInt(productCount);
                lastViewed = p;
                Product product = product(p);
                emit(t, at -> new ProductViewed(id, userId, at, product));
            } else if (roll < 0.47) {
                int p = random.nextDouble() < 0.6 ? lastViewed : random.nextInt(productCount);
                int quantity = 1 + random.nextInt(2);
                cart.merge(p, quantity, Integer::sum);
                LineItem item = new LineItem(product(p), quantity);
                emit(t, at -> new ProductAdded(id, userId, at, "", item));
            } else if (roll < 0.54) {
                int p;
                int quantity;
                if (!cart.isEmpty() && random.nextDouble() < 0.85) {
                    List<Integer> inCart = new ArrayList<>(cart.keySet());
                    p = inCart.get(random.nextInt(inCart.size()));
                    int held = cart.get(p);
                    quantity = random.nextDouble() < 0.7 ? held : 1 + random.nextInt(held + 1);
                    if (quantity >= held) {
                        cart.remove(p);
                    } else {
                        cart.put(p, held - quantity);
                    }
                } else {
                    p = random.nextInt(productCount);
                    quantity = 1;
                    cart.computeIfPresent(p, (k, held) -> held > 1 ? held - 1 : null);
                }
                LineItem item = new LineItem(product(p), quantity);
                emit(t, at -> new ProductRemoved(id, userId, at, "", item));
            } else if (roll < 0.61) {
                List<LineItem> items = new ArrayList<>();
                if (!cart.isEmpty() && random.nextDouble() < 0.75) {
                    cart.forEach((p, q) -> items.add(new LineItem(product(p), q)));
                } else if (random.nextDouble() < 0.9) {
                    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                        items.add(new LineItem(product(random.nextInt(productCount)), 1));
                    }
                }
                cart.clear();
                String orderId = random.nextDouble() < 0.1 ? "" : "o-" + userId + "-" + orders.size();
                BigDecimal revenue = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(50_000), 2);
                orders.add(new PastOrder(orderId, List.copyOf(items)));
                emit(t, at -> new OrderCompleted(id, userId, at, orderId, items, revenue, "EUR"));
            } else if (roll < 0.65) {
                PastOrder order = orders.isEmpty() || random.nextDouble() < 0.15 ? null
                        : orders.get(random.nextInt(orders.size()));
                String orderId = order == null || order.orderId().isEmpty() ? "o-ghost-" + userId + "-" + ids
                        : order.orderId();
                List<LineItem> items = order == null ? List.of(new LineItem(product(0), 1)) : order.items();
                emit(t, at -> new OrderShipped(id, userId, at, orderId, items, "DHL", "https://track.example/"
                        + orderId));
            } else if (roll < 0.73) {
                String name = random.nextBoolean() ? "Application Opened" : "Page Viewed";
                emit(t, at -> new Activity(id, userId, at, name));
            } else if (roll < 0.76) {
                List<LineItem> items = new ArrayList<>();
                cart.forEach((p, q) -> items.add(new LineItem(product(p), q)));
                if (random.nextBoolean()) {
                    emit(t, at -> new CartViewed(id, userId, at, "", items));
                } else {
                    String orderId = random.nextBoolean() ? "" : "c-" + userId + "-" + ids;
                    emit(t, at -> new CheckoutStarted(id, userId, at, orderId, items, null));
                }
            } else if (roll < 0.86) {
                Map<String, Object> traits = traits();
                emit(t, at -> new Identify(id, userId, at, traits));
            } else {
                EngagementType type = EngagementType.values()[random.nextInt(EngagementType.values().length)];
                String messageId = random.nextBoolean() ? "" : "m_nosuch" + random.nextInt(1000);
                Channel channel = random.nextDouble() < 0.4 ? null
                        : Channel.values()[random.nextInt(Channel.values().length)];
                emit(t, at -> new Engagement(id, userId, at, type, messageId, channel));
            }
            t += gap();
        }
    }

    /** A first identify: mostly a reachable user with consent on a few channels. */
    private Map<String, Object> firstTraits() {
        Map<String, Object> traits = new LinkedHashMap<>();
        if (random.nextDouble() < 0.8) {
            traits.put("email", pick(VALID_EMAILS));
        }
        if (random.nextDouble() < 0.5) {
            traits.put("phone", pick(random.nextDouble() < 0.8 ? VALID_PHONES : INVALID_PHONES));
        }
        if (random.nextDouble() < 0.5) {
            traits.put(random.nextBoolean() ? "pushToken" : "push_token", pick(PUSH_TOKENS));
        }
        if (random.nextDouble() < 0.8) {
            Map<String, Object> consent = new LinkedHashMap<>();
            for (String channel : List.of("email", "sms", "push", "in_app")) {
                if (random.nextDouble() < 0.7) {
                    consent.put(channel, true);
                }
            }
            traits.put("consent", consent);
        }
        if (random.nextDouble() < 0.4) {
            traits.put("timezone", pick(ZONES));
        }
        if (random.nextDouble() < 0.2) {
            traits.put("preferredChannel", pick(PREFERRED));
        }
        return traits;
    }

    /** A later identify: any mix of good and bad values. */
    private Map<String, Object> traits() {
        Map<String, Object> traits = new LinkedHashMap<>();
        while (traits.isEmpty()) {
            if (random.nextDouble() < 0.3) {
                traits.put("email", random.nextDouble() < 0.15 ? ""
                        : pick(random.nextDouble() < 0.7 ? VALID_EMAILS : INVALID_EMAILS));
            }
            if (random.nextDouble() < 0.25) {
                traits.put("phone", random.nextDouble() < 0.15 ? ""
                        : pick(random.nextDouble() < 0.6 ? VALID_PHONES : INVALID_PHONES));
            }
            if (random.nextDouble() < 0.2) {
                if (random.nextBoolean()) {
                    traits.put("pushToken", random.nextDouble() < 0.2 ? "" : pick(PUSH_TOKENS));
                } else {
                    traits.put("pushTokens", random.nextDouble() < 0.2 ? List.of() : List.copyOf(PUSH_TOKENS));
                }
            }
            if (random.nextDouble() < 0.3) {
                Map<String, Object> consent = new LinkedHashMap<>();
                List<String> names = new ArrayList<>(CONSENT_NAMES);
                for (int i = 0, n = 1 + random.nextInt(3); i < n && !names.isEmpty(); i++) {
                    String name = names.remove(random.nextInt(names.size()));
                    names.removeIf(other -> sameChannel(other, name));
                    consent.put(name, CONSENT_VALUES.get(random.nextInt(CONSENT_VALUES.size())));
                }
                traits.put("consent", random.nextDouble() < 0.05 ? "all" : consent);
            } else if (random.nextDouble() < 0.08) {
                traits.put("unsubscribed", random.nextDouble() < 0.8 ? Boolean.TRUE : "false");
            }
            if (random.nextDouble() < 0.2) {
                traits.put("timezone", pick(ZONES));
            }
            if (random.nextDouble() < 0.15) {
                traits.put(random.nextBoolean() ? "preferredChannel" : "preferred_channel", pick(PREFERRED));
            }
            if (random.nextDouble() < 0.1) {
                traits.put("activeHours", random.nextDouble() < 0.7 ? List.of(10, 11, 12, 18, 19, 20)
                        : List.of(25));
            }
            if (random.nextDouble() < 0.1) {
                traits.put("first_name", "Ann");
            }
        }
        return traits;
    }

    private static boolean sameChannel(String a, String b) {
        return Channel.find(a).isPresent() && Channel.find(a).equals(Channel.find(b));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Catalog price changes: every few hours to days, a product of the pool goes up or down by 1 to 40%. */
    private void prices(long span) {
        BigDecimal[] current = prices.clone();
        long t = T0.toEpochMilli() + random.nextLong(3 * 3_600_000L);
        long end = T0.toEpochMilli() + span;
        double rate = 0.5 + random.nextDouble() * 3;
        while (t <= end) {
            int p = random.nextInt(productCount);
            BigDecimal previous = current[p];
            int percent = 1 + random.nextInt(40);
            BigDecimal factor = BigDecimal.valueOf(random.nextDouble() < 0.6 ? 100 - percent : 100 + percent)
                    .movePointLeft(2);
            BigDecimal next = previous.multiply(factor).setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ONE);
            current[p] = next;
            Product product = Events.product("p" + p, next.toPlainString());
            String id = nextId();
            emit(t, at -> new PriceChanged(id, at, product, previous));
            t += (long) (random.nextLong(2 * 86_400_000L) / rate) + 60_000 + random.nextInt(1000);
        }
    }

    /** A short description of an event, for failure messages. */
    public static String describe(Event event) {
        Duration offset = Duration.between(T0, event.timestamp());
        String when = String.format("d%02d %02d:%02d:%02d.%03d", offset.toDays(), offset.toHoursPart(),
                offset.toMinutesPart(), offset.toSecondsPart(), offset.toMillisPart());
        String what = switch (event) {
            case ProductViewed v -> "view " + v.product().id();
            case ProductAdded a -> "add " + a.item().product().id() + " x" + a.item().quantity();
            case ProductRemoved r -> "remove " + r.item().product().id() + " x" + r.item().quantity();
            case CartViewed c -> "cart viewed " + items(c.items());
            case CheckoutStarted c -> "checkout " + c.orderId() + " " + items(c.items());
            case OrderCompleted o -> "order '" + o.orderId() + "' " + items(o.items());
            case OrderShipped s -> "shipped '" + s.orderId() + "'";
            case Activity a -> "activity " + a.name();
            case Identify i -> "identify " + i.traits();
            case Engagement g -> g.engagement() + " of '" + g.heraldMessageId() + "' on " + g.channel();
            case PriceChanged p -> "price " + p.product().id() + " " + p.previousPrice() + " -> " + p.newPrice();
        };
        String who = event instanceof UserEvent user ? user.userId() + " " : "";
        return when + " (" + event.timestamp() + ") " + who + what;
    }

    private static String items(List<LineItem> items) {
        List<String> parts = new ArrayList<>();
        items.forEach(item -> parts.add(item.product().id() + "x" + item.quantity()));
        return parts.toString();
    }
}
