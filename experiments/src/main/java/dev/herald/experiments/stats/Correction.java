package dev.herald.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How p-values are adjusted when several comparisons are read together (several treatments against one control), so
 * that reading the smallest does not make a false "win" more likely. Adjusted p-values are compared with alpha
 * directly.
 */
public enum Correction {
    /**
     * Holm-Bonferroni (Holm 1979): controls the family-wise error rate (the chance of any false positive) with no
     * assumption about how the tests depend on each other, and rejects at least as much as Bonferroni. Sorted
     * ascending, {@code p_(i)} is adjusted to {@code max over j <= i of min(1, (m - j + 1) p_(j))}.
     */
    HOLM("Holm"),
    /**
     * Benjamini-Hochberg (1995): controls the false discovery rate (the expected share of false positives among the
     * comparisons declared significant), for independent or positively dependent tests; less strict than Holm.
     * Sorted ascending, {@code p_(i)} is adjusted to {@code min over j >= i of min(1, m p_(j) / j)}.
     */
    BENJAMINI_HOCHBERG("Benjamini-Hochberg");

    private final String label;

    Correction(String label) {
        this.label = label;
    }

    /** The correction's name in verdicts ({@code "Holm"}). */
    public String label() {
        return label;
    }

    /**
     * Adjusts a family of p-values.
     *
     * @param pValues
     *            the raw p-values, each in [0, 1]; not modified
     * @return the adjusted p-values, in the same order
     * @throws IllegalArgumentException
     *             when a p-value is outside [0, 1] or NaN
     */
    public double[] adjust(double[] pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + Arrays.toString(pValues));
            }
        }
        int m = pValues.length;
        int[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pValues[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[m];
        switch (this) {
            case HOLM -> {
                double running = 0;
                for (int rank = 0; rank < m; rank++) {
                    int i = order[rank];
                    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
                    adjusted[i] = running;
                }
            }
            case BENJAMINI_HOCHBERG -> {
                double running = 1;
                for (int rank = m - 1; rank >= 0; rank--) {
                    int i = order[rank];
                    running = Math.min(running, Math.min(1, (double) m / (rank + 1) * pValues[i]));
                    adjusted[i] = running;
                }
            }
        }
        return adjusted;
    }
}
