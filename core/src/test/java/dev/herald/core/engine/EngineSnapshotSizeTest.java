package dev.herald.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.UserState;
import dev.herald.core.state.codec.StateCodec;
import dev.herald.core.testing.TestTriggers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A figure, not a check of speed: the size of a snapshot per user and how long writing and restoring it take, for
 * synthetic users of a shop with 2,000 products: 20,000 in the build, so that it stays quick, and as many as
 * {@code -Dherald.snapshotUsers=N} says for the figure in {@code docs/BENCHMARKS.md} (100,000):
 * {@code ./mvnw -pl core test -Dtest=EngineSnapshotSizeTest -Dherald.snapshotUsers=100000}. Each
 * user is identified (email, consent, time zone), views two to six products, often carts one, sometimes orders; the
 * catalog reprices now and then. The snapshot is taken two days in, with waits and messages pending.
 */
class EngineSnapshotSizeTest {

    private static final int USERS = Integer.getInteger("herald.snapshotUsers", 20_000);
    private static final int PRODUCTS = 2_000;
    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC");

    @Test
    void shouldPrintSnapshotSizeAndTimes() throws IOException {
        EngineConfig config = EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withNewUserProfile(Profile.EMPTY);
        Engine engine = new Engine(config, effect -> {});
        List<Event> events = events(new SplittableRandom(42));
        long start = System.nanoTime();
        events.forEach(engine::accept);
        engine.advanceTo(T0.plus(Duration.ofDays(2)));
        long ran = System.nanoTime() - start;

        byte[] bytes = null;
        long bestWrite = Long.MAX_VALUE;
        long bestRestore = Long.MAX_VALUE;
        Engine restored = null;
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
            engine.snapshot(out);
            bestWrite = Math.min(bestWrite, System.nanoTime() - t);
            bytes = out.toByteArray();
            t = System.nanoTime();
            restored = Engine.restore(config, effect -> {}, new ByteArrayInputStream(bytes));
            bestRestore = Math.min(bestRestore, System.nanoTime() - t);
        }
        assertThat(restored.userCount()).isEqualTo(engine.userCount());
        ByteArrayOutputStream again = new ByteArrayOutputStream(bytes.length);
        restored.snapshot(again);
        assertThat(again.toByteArray()).isEqualTo(bytes);

        long alone = 0;
        int sampled = 0;
        for (int i = 0; i < USERS; i += 100) {
            UserState state = engine.find("user-" + i).orElseThrow();
            alone += StateCodec.encode(state).length;
            sampled++;
        }
        System.out.printf("Engine snapshot: %,d users (%,d events run in %,d ms), %,d pending waits and messages, "
                + "%,d events held%n", engine.userCount(), events.size(), ran / 1_000_000, engine.pendingCount(),
                engine.heldCount());
        System.out.printf("  %,d bytes, %.1f bytes per user; written in %,d ms, restored in %,d ms (best of 3)%n",
                bytes.length, (double) bytes.length / engine.userCount(), bestWrite / 1_000_000,
                bestRestore / 1_000_000);
        System.out.printf("  one state encoded on its own (StateCodec.encode): %.1f bytes on average%n",
                (double) alone / sampled);
    }

    private static List<Event> events(SplittableRandom random) {
        Product[] catalog = new Product[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            catalog[p] = new Product("sku-" + (100_000 + p), "Product number " + p, BigDecimal.valueOf(
                    500 + random.nextInt(20_000), 2), "EUR", "home/kitchen", "Brand " + p % 40,
                    "https://shop.example/p/" + p, "https://cdn.shop.example/p/" + p + ".jpg");
        }
        List<Event> events = new ArrayList<>();
        long span = Duration.ofDays(2).toMillis();
        int id = 0;
        for (int u = 0; u < USERS; u++) {
            String user = "user-" + u;
            long t = T0.toEpochMilli() + random.nextLong(span);
            events.add(new Identify("e" + id++, user, Instant.ofEpochMilli(t), Map.of("email", "user" + u
                    + "@mail.example", "consent", Map.of("email", true, "push", random.nextBoolean()), "timezone",
                    ZONES.get(random.nextInt(ZONES.size())), "firstName", "Name" + u % 500)));
            Product seen = catalog[random.nextInt(PRODUCTS)];
            for (int v = 2 + random.nextInt(5); v > 0; v--) {
                t += 30_000 + random.nextLong(600_000);
                if (random.nextDouble() < 0.3) {
                    seen = catalog[random.nextInt(PRODUCTS)];
                }
                events.add(new ProductViewed("e" + id++, user, Instant.ofEpochMilli(t), seen));
            }
            if (random.nextDouble() < 0.4) {
                t += 60_000 + random.nextLong(600_000);
                events.add(new ProductAdded("e" + id++, user, Instant.ofEpochMilli(t), "", new LineItem(seen, 1)));
                if (random.nextDouble() < 0.35) {
                    t += 60_000 + random.nextLong(3_600_000);
                    events.add(new OrderCompleted("e" + id++, user, Instant.ofEpochMilli(t), "o-" + u,
                            List.of(new LineItem(seen, 1)), null, "EUR"));
                }
            }
        }
        for (long t = T0.toEpochMilli(); t < T0.toEpochMilli() + span; t += 600_000) {
            Product product = catalog[random.nextInt(PRODUCTS)];
            BigDecimal now = product.price().multiply(BigDecimal.valueOf(80 + random.nextInt(30)))
                    .movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            events.add(new PriceChanged("e" + id++, Instant.ofEpochMilli(t), product.withPrice(now),
                    product.price()));
        }
        events.sort(Comparator.comparing(Event::timestamp));
        return events;
    }
}
