package dev.herald.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.state.codec.CorruptSnapshotException;
import dev.herald.core.testing.EngineScript;
import dev.herald.core.testing.EngineScript.Script;
import dev.herald.core.testing.RandomShopLog;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.TriggerSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Snapshot and restore: an engine restored from a snapshot continues exactly as the engine it was taken from.
 *
 * <p>For each seed an {@link EngineScript} (events arriving out of order and late, time moved on, due times peeked,
 * flushes) runs whole on engine A, and up to a cut on engine B, which is snapshotted and restored as C, which runs
 * the rest. What A does after the cut must be what C does, effect for effect, and at the end both give the same
 * snapshot bytes. {@code -Dherald.firstSeed=S -Dherald.seeds=1} runs seed S alone.
 */
class EngineSnapshotTest {

    static final int SEEDS = Integer.getInteger("herald.seeds", 50);
    static final long FIRST_SEED = Long.getLong("herald.firstSeed", 1);

    /**
     * The configuration of a seed: {@link EnginePropertiesTest#config(long)} (new-user profile and policy vary with
     * the seed), with unbounded lateness for every third seed.
     */
    static EngineConfig config(long seed) {
        EngineConfig config = EnginePropertiesTest.config(seed);
        return seed % 3 == 0 ? config.withLateness(null) : config;
    }

    @Test
    void shouldContinueFromASnapshotExactlyAsWithoutStopping() {
        List<Long> failing = new ArrayList<>();
        String report = null;
        int withHeld = 0;
        int withPending = 0;
        int withLate = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            try {
                Outcome outcome = check(seed);
                withHeld += outcome.held() ? 1 : 0;
                withPending += outcome.pending() ? 1 : 0;
                withLate += outcome.late() ? 1 : 0;
            } catch (RuntimeException | AssertionError e) {
                failing.add(seed);
                System.err.println("snapshot property fails for seed " + seed + ": " + e.getMessage());
                if (report == null) {
                    report = "seed " + seed + " (" + EnginePropertiesTest.label(config(seed)) + "): " + e;
                }
            }
        }
        if (report != null) {
            fail("an engine restored from a snapshot did not continue as the original for " + failing.size() + " of "
                    + SEEDS + " seeds " + failing + "; first: " + report + "\nRun one seed with -Dherald.firstSeed=S"
                    + " -Dherald.seeds=1.");
        }
        if (SEEDS >= 20) {
            assertThat(withHeld).as("seeds cut while the orderer held events").isPositive();
            assertThat(withPending).as("seeds cut while messages or waits were pending").isPositive();
            assertThat(withLate).as("seeds with late events").isPositive();
        }
    }

    /** What a seed's cut exercised. */
    private record Outcome(boolean held, boolean pending, boolean late) {}

    private static Outcome check(long seed) throws AssertionError {
        EngineConfig config = config(seed);
        Script script = EngineScript.generate(seed, config);
        int size = script.ops().size();
        SplittableRandom random = RandomShopLog.random(seed, 8);
        int cut = size / 10 + random.nextInt(Math.max(1, size * 8 / 10));

        List<Effect> effectsOfA = new ArrayList<>();
        Engine a = new Engine(config, effectsOfA::add);
        script.run(a, 0, cut);
        int before = effectsOfA.size();
        script.run(a, cut, size);

        Engine b = new Engine(config, effect -> {});
        script.run(b, 0, cut);
        byte[] taken = snapshot(b);
        List<Effect> effectsOfC = new ArrayList<>();
        Engine c = restore(config, effectsOfC::add, taken);
        assertThat(snapshot(c)).as("seed %d: the snapshot of the restored engine, before it runs", seed)
                .isEqualTo(taken);
        assertThat(c.userCount()).isEqualTo(b.userCount());
        assertThat(c.pendingCount()).isEqualTo(b.pendingCount());
        assertThat(c.now()).isEqualTo(b.now());
        assertThat(c.nextDue()).isEqualTo(b.nextDue());
        assertThat(c.heldCount()).isEqualTo(b.heldCount());
        boolean held = b.heldCount() > 0;
        boolean pending = b.pendingCount() > 0;
        script.run(c, cut, size);

        List<Effect> after = effectsOfA.subList(before, effectsOfA.size());
        for (int i = 0; i < Math.min(after.size(), effectsOfC.size()); i++) {
            if (!after.get(i).equals(effectsOfC.get(i))) {
                throw new AssertionError("effect " + i + " after the cut (op " + cut + " of " + size + ") differs:\n"
                        + "  without stopping: " + after.get(i) + "\n  restored:         " + effectsOfC.get(i));
            }
        }
        assertThat(effectsOfC).as("seed %d: effect count after the cut (op %d of %d)", seed, cut, size)
                .hasSameSizeAs(after);
        assertThat(c.processedCount()).isEqualTo(a.processedCount());
        assertThat(c.lateCount()).isEqualTo(a.lateCount());
        assertThat(c.userCount()).isEqualTo(a.userCount());
        assertThat(c.now()).isEqualTo(a.now());
        assertThat(c.nextDue()).isEqualTo(a.nextDue());
        assertThat(snapshot(c)).as("seed %d: the snapshots at the end", seed).isEqualTo(snapshot(a));
        return new Outcome(held, pending, a.lateCount() > 0);
    }

    @Test
    void shouldWriteACaptureAsTheSnapshotOfItsMomentAfterTheEngineRanOn() throws IOException {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + Math.min(SEEDS, 20); seed++) {
            EngineConfig config = config(seed);
            Script script = EngineScript.generate(seed, config);
            int cut = script.ops().size() / 2;
            Engine engine = new Engine(config, effect -> {});
            script.run(engine, 0, cut);
            byte[] atCut = snapshot(engine);
            Engine.Captured captured = engine.capture();
            script.run(engine, cut, script.ops().size());
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            captured.writeTo(written);
            assertThat(written.toByteArray()).as("seed %d: a capture written after the engine went on", seed)
                    .isEqualTo(atCut);
            assertThat(snapshot(engine)).as("seed %d: the engine moved on", seed).isNotEqualTo(atCut);
        }
    }

    static byte[] snapshot(Engine engine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            engine.snapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Engine restore(EngineConfig config, Consumer<Effect> effects, byte[] snapshot) {
        try {
            return Engine.restore(config, effects, new ByteArrayInputStream(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad input

    /** A snapshot of an engine in the middle of a script: users, pending messages, held events. */
    private static byte[] sample(EngineConfig config) {
        Script script = EngineScript.generate(4, config);
        Engine engine = new Engine(config, effect -> {});
        script.run(engine, 0, script.ops().size() / 2);
        return snapshot(engine);
    }

    @Test
    void shouldRefuseEveryTruncatedSnapshotSayingWhatWasBeingRead() {
        EngineConfig config = config(4);
        byte[] whole = sample(config);
        assertThat(whole.length).isGreaterThan(1000);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            int shown = length;
            assertThatThrownBy(() -> Engine.restore(config, effect -> {}, new ByteArrayInputStream(cut)))
                    .as("snapshot cut to %d of %d bytes", shown, whole.length)
                    .isInstanceOf(CorruptSnapshotException.class)
                    .hasMessageContaining("truncated").hasMessageContaining("reading ");
        }
        assertThatThrownBy(() -> Engine.restore(config, effect -> {},
                new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2))))
                .hasMessageMatching("snapshot is truncated: it ends while reading .*users\\[\\d+].*");
    }

    @Test
    void shouldRefuseAnotherVersionOrKindOrTriggerSet() {
        EngineConfig config = config(4);
        byte[] bytes = sample(config);
        byte version = bytes[0];
        bytes[0] = 9;
        assertThatThrownBy(() -> Engine.restore(config, effect -> {}, new ByteArrayInputStream(bytes)))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("unsupported format version 9 (this build reads versions 1 to 2)");
        bytes[0] = version;
        bytes[1] = 'U';
        assertThatThrownBy(() -> Engine.restore(config, effect -> {}, new ByteArrayInputStream(bytes)))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("not an engine snapshot");
        bytes[1] = 'E';
        EngineConfig fewer = EngineConfig.defaults(TriggerSet.of(List.of(TestTriggers.abandonedCart())),
                new SeedPolicy());
        assertThatThrownBy(() -> Engine.restore(fewer, effect -> {}, new ByteArrayInputStream(bytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the snapshot was taken with the triggers [order_shipped, abandoned_cart");
        assertThat(restore(config, effect -> {}, bytes).userCount()).isPositive();
    }

    @Test
    void shouldRefuseAHugeCountWithoutAllocatingForIt() {
        byte[] bytes = {1, 'E', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertThatThrownBy(() -> Engine.restore(config(4), effect -> {}, new ByteArrayInputStream(bytes)))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessage("corrupt snapshot: count 4294967295 is over the limit of 65536, reading triggers");
    }

    /**
     * Damaged bytes (a byte changed here and there) are either refused with a {@link CorruptSnapshotException} or
     * an {@link IllegalArgumentException}, or read as some other valid snapshot; never anything else, and quickly.
     */
    @Test
    void shouldFailCleanlyOnDamagedBytes() {
        EngineConfig config = config(4);
        byte[] whole = sample(config);
        SplittableRandom random = new SplittableRandom(11);
        int refused = 0;
        long start = System.nanoTime();
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[2 + random.nextInt(damaged.length - 2)] = (byte) random.nextInt(256);
            }
            try {
                Engine.restore(config, effect -> {}, new ByteArrayInputStream(damaged));
            } catch (CorruptSnapshotException | IllegalArgumentException e) {
                refused++;
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("trial " + trial + " failed with " + e, e);
            }
        }
        assertThat(refused).isGreaterThan(1000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void shouldRestoreAnEmptyEngine() {
        EngineConfig config = config(4);
        Engine empty = new Engine(config, effect -> {});
        Engine restored = restore(config, effect -> {}, snapshot(empty));
        assertThat(restored.userCount()).isZero();
        assertThat(restored.now()).isEmpty();
        assertThat(snapshot(restored)).isEqualTo(snapshot(empty));
    }
}
