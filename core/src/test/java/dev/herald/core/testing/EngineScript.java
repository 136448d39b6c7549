package dev.herald.core.testing;

import dev.herald.core.engine.Effect;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.testing.RandomShopLog.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random script of what a runtime does to an engine: events arriving in a jittered order (a few beyond
 * the lateness, so they are late), engine time moved on now and then, the next due time peeked at, a rare flush.
 * The events are one to three {@link RandomShopLog}s merged (users renamed apart, so up to 60 users share the
 * product pool and its price changes), with engagement reports about the messages a first run really sent.
 */
public final class EngineScript {

    /** One thing done to an engine. */
    public sealed interface Op {
        void applyTo(Engine engine);
    }

    public record Accept(Event event) implements Op {
        @Override
        public void applyTo(Engine engine) {
            engine.accept(event);
        }
    }

    public record Advance(Instant to) implements Op {
        @Override
        public void applyTo(Engine engine) {
            engine.advanceTo(to);
        }
    }

    public record PeekDue() implements Op {
        @Override
        public void applyTo(Engine engine) {
            engine.nextDue();
        }
    }

    public record Flush() implements Op {
        @Override
        public void applyTo(Engine engine) {
            engine.flush();
        }
    }

    /**
     * A script and the log its events come from.
     *
     * @param log the merged log with engagement reports, events in time order
     */
    public record Script(Log log, List<Op> ops) {

        public Script {
            ops = List.copyOf(ops);
        }

        /** Applies the operations from {@code from} (inclusive) to {@code to} (exclusive). */
        public void run(Engine engine, int from, int to) {
            for (Op op : ops.subList(from, to)) {
                op.applyTo(engine);
            }
        }
    }

    private EngineScript() {}

    /** The script for a seed, its events decided by an engine of this configuration. */
    public static Script generate(long seed, EngineConfig config) {
        SplittableRandom random = RandomShopLog.random(seed, 7);
        Log merged = merged(seed, 1 + random.nextInt(3));
        Recorder first = new Recorder(config.withLateness(null));
        merged.events().forEach(first.engine()::accept);
        first.engine().flush();
        first.engine().advanceTo(merged.end());
        List<Effect.Sent> sent = first.sent();
        Log log = RandomShopLog.withEngagements(merged, sent);
        long lateness = config.lateness() == null ? Duration.ofHours(6).toMillis() : config.lateness().toMillis();
        return new Script(log, ops(log, random, lateness, config.lateness() == null));
    }

    private static Log merged(long seed, int parts) {
        List<Event> events = new ArrayList<>();
        int users = 0;
        int days = 0;
        int products = 0;
        Instant end = RandomShopLog.T0;
        for (int part = 0; part < parts; part++) {
            Log log = RandomShopLog.generate(seed + 1_000_003L * part);
            String prefix = parts == 1 ? "" : "g" + part + "-";
            for (Event event : log.events()) {
                events.add(renamed(event, prefix));
            }
            users += log.users();
            days = Math.max(days, log.days());
            products = Math.max(products, log.products());
            end = end.isAfter(log.end()) ? end : log.end();
        }
        events.sort(Comparator.comparing(Event::timestamp));
        return new Log(seed, users, days, products, events, end);
    }

    /** The event with its user (and, for a price change, its id) moved to another namespace. */
    private static Event renamed(Event e, String prefix) {
        if (prefix.isEmpty()) {
            return e;
        }
        String id = prefix + e.messageId();
        return switch (e) {
            case Engagement g -> new Engagement(id, prefix + g.userId(), g.timestamp(), g.engagement(),
                    g.heraldMessageId(), g.channel());
            case Identify i -> new Identify(id, prefix + i.userId(), i.timestamp(), i.traits());
            case Activity a -> new Activity(id, prefix + a.userId(), a.timestamp(), a.name());
            case ProductViewed v -> new ProductViewed(id, prefix + v.userId(), v.timestamp(), v.product());
            case ProductAdded a -> new ProductAdded(id, prefix + a.userId(), a.timestamp(), a.cartId(), a.item());
            case ProductRemoved r -> new ProductRemoved(id, prefix + r.userId(), r.timestamp(), r.cartId(), r.item());
            case CartViewed c -> new CartViewed(id, prefix + c.userId(), c.timestamp(), c.cartId(), c.items());
            case CheckoutStarted c -> new CheckoutStarted(id, prefix + c.userId(), c.timestamp(), c.orderId(),
                    c.items(), c.value());
            case OrderCompleted o -> new OrderCompleted(id, prefix + o.userId(), o.timestamp(), o.orderId(),
                    o.items(), o.revenue(), o.currency());
            case OrderShipped s -> new OrderShipped(id, prefix + s.userId(), s.timestamp(), s.orderId(), s.items(),
                    s.carrier(), s.trackingUrl());
            case PriceChanged p -> new PriceChanged(id, p.timestamp(), p.product(), p.previousPrice());
        };
    }

    private static List<Op> ops(Log log, SplittableRandom random, long lateness, boolean unbounded) {
        record Arrival(Event event, long at) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (Event event : log.events()) {
            long bound = random.nextDouble() < 0.04 ? 3 * lateness : lateness;
            arrivals.add(new Arrival(event, event.timestamp().toEpochMilli() + random.nextLong(bound + 1)));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        List<Op> ops = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            ops.add(new Accept(arrival.event()));
            double roll = random.nextDouble();
            if (roll < 0.03) {
                long to = arrival.event().timestamp().toEpochMilli() - lateness + random.nextLong(lateness * 3 / 2);
                ops.add(new Advance(Instant.ofEpochMilli(to)));
            } else if (roll < 0.05) {
                ops.add(new PeekDue());
            } else if (roll < 0.052) {
                ops.add(new Flush());
            }
        }
        if (unbounded) {
            ops.add(new Flush());
        }
        ops.add(new Advance(log.end()));
        return ops;
    }
}
