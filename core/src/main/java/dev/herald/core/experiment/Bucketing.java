package dev.herald.core.experiment;

import dev.herald.core.util.Fnv1a;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * GrowthBook's bucketing scheme, so that an assignment made here is the one any GrowthBook SDK makes for the same
 * seed and user, in any process and any language: a user id hashed with an experiment's seed to a number in
 * {@code [0, 1)}, bucket ranges laid out from the variations' weights and a coverage, and the variation whose range
 * holds the number. The published test vectors of GrowthBook's JavaScript SDK ({@code cases.json}) pass; see the
 * test.
 *
 * <p>The 32-bit FNV-1a hash here runs over UTF-16 code units, as GrowthBook's reference SDK does
 * ({@code charCodeAt}), computed by {@link Fnv1a#hash32OfChars}; {@link Fnv1a#hash32} runs over UTF-8 bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Bucketing {

    private Bucketing() {}

    /** The 32-bit FNV-1a hash of the text's UTF-16 code units, as an unsigned value. */
    public static long fnv32a(String text) {
        return Fnv1a.hash32OfChars(text);
    }

    /**
     * A user's place in {@code [0, 1)} for a seed. Version 2 (the one Herald uses) is
     * {@code fnv32a(str(fnv32a(seed + value))) % 10000 / 10000}; version 1, GrowthBook's original, is
     * {@code fnv32a(value + seed) % 1000 / 1000} and is biased for similar seeds.
     *
     * @return the number, or empty for a version other than 1 and 2
     */
    public static OptionalDouble hash(String seed, String value, int version) {
        return switch (version) {
            case 2 -> OptionalDouble.of(fnv32a(Long.toString(fnv32a(seed + value))) % 10_000 / 10_000.0);
            case 1 -> OptionalDouble.of(fnv32a(value + seed) % 1_000 / 1_000.0);
            default -> OptionalDouble.empty();
        };
    }

    /** {@code n} equal weights adding up to 1; none for {@code n <= 0}. */
    public static List<Double> equalWeights(int n) {
        return n <= 0 ? List.of() : Collections.nCopies(n, 1.0 / n);
    }

    /**
     * The bucket range of each variation: the weights laid end to end over {@code [0, 1)}, each range cut to
     * {@code coverage} of its weight from its start. As in GrowthBook, coverage is clamped to {@code [0, 1]}, and
     * equal weights are used when the weights are missing ({@code null}), of another count than the variations, or
     * add up to less than 0.99 or more than 1.01.
     */
    public static List<BucketRange> ranges(int variations, double coverage, List<Double> weights) {
        double cover = Math.clamp(coverage, 0.0, 1.0);
        List<Double> used = weights;
        if (used == null || used.size() != variations) {
            used = equalWeights(variations);
        }
        double total = 0;
        for (double weight : used) {
            total += weight;
        }
        if (total < 0.99 || total > 1.01) {
            used = equalWeights(variations);
        }
        List<BucketRange> ranges = new ArrayList<>(used.size());
        double cumulative = 0;
        for (double weight : used) {
            double start = cumulative;
            cumulative += weight;
            ranges.add(new BucketRange(start, start + cover * weight));
        }
        return List.copyOf(ranges);
    }

    /** The index of the first range that holds {@code n}, or -1 when none does. */
    public static int chooseVariation(double n, List<BucketRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(n)) {
                return i;
            }
        }
        return -1;
    }
}
