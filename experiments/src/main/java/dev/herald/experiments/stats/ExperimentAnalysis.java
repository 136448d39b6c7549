package dev.herald.experiments.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point: turns the counts of every variant of an experiment into an {@link ExperimentResult}. Settings are
 * immutable and changed by {@code withX} copies that check their argument; {@link #analyze} is a pure function of
 * them and the counts. Thread-safe.
 *
 * <pre>{@code
 * ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION)
 *         .withAlpha(0.05)
 *         .analyze(List.of(control, b, c, holdout));
 * result.verdicts().forEach(System.out::println);
 * }</pre>
 *
 * <p>
 * What is compared:
 * <ul>
 * <li>each treatment against the control on the primary metric (which variant is best) and on every guardrail (does a
 * variant do harm);
 * <li>with a holdout, the control and each treatment against the holdout on the primary metric, when that metric
 * means something for users who were sent nothing (conversion, revenue): what sending the message adds.
 * </ul>
 * The correction for multiple comparisons runs within each family of one metric against one baseline (all treatments
 * against the control on conversion, say), so a guardrail or the holdout comparisons do not dilute the primary
 * decision. Intervals are not adjusted.
 */
public final class ExperimentAnalysis {

    /** The default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private final Metric primaryMetric;
    private final List<Metric> guardrails;
    private final double alpha;
    private final Correction correction;
    private final Inference inference;
    private final MixingVariance mixing;
    private final double srmThreshold;

    private ExperimentAnalysis(Metric primaryMetric, List<Metric> guardrails, double alpha, Correction correction,
            Inference inference, MixingVariance mixing, double srmThreshold) {
        this.primaryMetric = primaryMetric;
        this.guardrails = guardrails;
        this.alpha = alpha;
        this.correction = correction;
        this.inference = inference;
        this.mixing = mixing;
        this.srmThreshold = srmThreshold;
    }

    /**
     * An analysis on {@code primaryMetric} with the defaults: the unsubscribe rate as guardrail (none when it is the
     * primary metric), alpha 0.05, Holm's correction, fixed-horizon inference, {@link MixingVariance#DEFAULT} and a
     * sample-ratio threshold of 0.001.
     */
    public static ExperimentAnalysis of(Metric primaryMetric) {
        Objects.requireNonNull(primaryMetric, "primaryMetric");
        List<Metric> guardrails = primaryMetric == Metric.UNSUBSCRIBE ? List.of() : List.of(Metric.UNSUBSCRIBE);
        return new ExperimentAnalysis(primaryMetric, guardrails, DEFAULT_ALPHA, Correction.HOLM,
                Inference.FIXED_HORIZON, MixingVariance.DEFAULT, SampleRatioTest.DEFAULT_THRESHOLD);
    }

    /**
     * The guardrail metrics, which must not get significantly worse.
     *
     * @throws IllegalArgumentException
     *             when the list repeats a metric or contains the primary metric
     */
    public ExperimentAnalysis withGuardrails(List<Metric> metrics) {
        List<Metric> copy = List.copyOf(metrics);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("Guardrails must not repeat a metric, got " + copy);
        }
        if (copy.contains(primaryMetric)) {
            throw new IllegalArgumentException(
                    primaryMetric + " is the primary metric; it cannot also be a guardrail");
        }
        return new ExperimentAnalysis(primaryMetric, copy, alpha, correction, inference, mixing, srmThreshold);
    }

    /** The significance level, in (0, 0.5]. */
    public ExperimentAnalysis withAlpha(double value) {
        if (!(value > 0 && value <= 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5], got " + value);
        }
        return new ExperimentAnalysis(primaryMetric, guardrails, value, correction, inference, mixing, srmThreshold);
    }

    /** The multiple-comparison correction. */
    public ExperimentAnalysis withCorrection(Correction value) {
        return new ExperimentAnalysis(primaryMetric, guardrails, alpha, Objects.requireNonNull(value, "correction"),
                inference, mixing, srmThreshold);
    }

    /** Which p-values decide "significant". */
    public ExperimentAnalysis withInference(Inference value) {
        return new ExperimentAnalysis(primaryMetric, guardrails, alpha, correction,
                Objects.requireNonNull(value, "inference"), mixing, srmThreshold);
    }

    /** The mixing variance of the always-valid test. */
    public ExperimentAnalysis withMixing(MixingVariance value) {
        return new ExperimentAnalysis(primaryMetric, guardrails, alpha, correction, inference,
                Objects.requireNonNull(value, "mixing"), srmThreshold);
    }

    /** The p-value below which the sample-ratio check flags a mismatch, in (0, 1). */
    public ExperimentAnalysis withSrmThreshold(double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("The sample-ratio threshold must be in (0, 1), got " + value);
        }
        return new ExperimentAnalysis(primaryMetric, guardrails, alpha, correction, inference, mixing, value);
    }

    /**
     * Analyses an experiment.
     *
     * @param variants
     *            every variant: exactly one {@link Role#CONTROL}, at most one {@link Role#HOLDOUT}, unique names,
     *            planned weights summing to 1
     * @return the result
     * @throws IllegalArgumentException
     *             when the variants do not make an experiment (the message says what to fix)
     */
    public ExperimentResult analyze(List<VariantCounts> variants) {
        List<VariantCounts> all = List.copyOf(variants);
        requireExperiment(all);
        VariantCounts control = only(all, Role.CONTROL);
        VariantCounts holdout = all.stream().filter(v -> v.role() == Role.HOLDOUT).findFirst().orElse(null);

        List<Pair> pairs = new ArrayList<>();
        for (VariantCounts variant : all) {
            if (variant.role() == Role.TREATMENT) {
                pairs.add(new Pair(variant, control, primaryMetric, false));
                for (Metric guardrail : guardrails) {
                    pairs.add(new Pair(variant, control, guardrail, true));
                }
            }
        }
        if (holdout != null && primaryMetric.comparableWithHoldout()) {
            for (VariantCounts variant : all) {
                if (variant.role().receivesMessage()) {
                    pairs.add(new Pair(variant, holdout, primaryMetric, false));
                }
            }
        }

        List<Estimated> estimated = new ArrayList<>();
        List<ExperimentResult.NotEstimated> notEstimated = new ArrayList<>();
        for (Pair pair : pairs) {
            String reason = whyNotEstimable(pair);
            if (reason == null) {
                estimated.add(estimate(pair));
            } else {
                notEstimated.add(new ExperimentResult.NotEstimated(pair.variant().name(), pair.baseline().name(),
                        pair.metric(), reason));
            }
        }
        List<ExperimentResult.Comparison> comparisons = adjust(estimated);

        SampleRatioCheck sampleRatio = SampleRatioTest.check(all, srmThreshold);
        List<ExperimentResult.VariantSummary> summaries = all.stream().map(ExperimentResult.VariantSummary::of)
                .toList();
        List<String> verdicts = new Verdicts(primaryMetric, guardrails, alpha, correction, inference).write(all,
                comparisons, notEstimated, sampleRatio);
        return new ExperimentResult(primaryMetric, guardrails, alpha, correction, inference, summaries, comparisons,
                notEstimated, sampleRatio, verdicts);
    }

    private static void requireExperiment(List<VariantCounts> variants) {
        if (variants.size() < 2) {
            throw new IllegalArgumentException("An experiment needs at least 2 variants (a control and a treatment or"
                    + " a holdout), got " + variants.size());
        }
        Set<String> names = new HashSet<>();
        for (VariantCounts variant : variants) {
            if (!names.add(variant.name())) {
                throw new IllegalArgumentException("Variant names must be unique; '" + variant.name() + "' repeats");
            }
        }
        long controls = variants.stream().filter(v -> v.role() == Role.CONTROL).count();
        if (controls != 1) {
            throw new IllegalArgumentException(
                    "An experiment needs exactly one variant with role CONTROL, got " + controls);
        }
        long holdouts = variants.stream().filter(v -> v.role() == Role.HOLDOUT).count();
        if (holdouts > 1) {
            throw new IllegalArgumentException(
                    "An experiment has at most one variant with role HOLDOUT, got " + holdouts);
        }
        double weightSum = variants.stream().mapToDouble(VariantCounts::plannedWeight).sum();
        if (Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
            Map<String, Double> weights = new LinkedHashMap<>();
            variants.forEach(v -> weights.put(v.name(), v.plannedWeight()));
            throw new IllegalArgumentException("The planned weights must sum to 1 (holdout included), got "
                    + weightSum + ": " + weights);
        }
    }

    private static VariantCounts only(List<VariantCounts> variants, Role role) {
        return variants.stream().filter(v -> v.role() == role).findFirst().orElseThrow();
    }

    private static String whyNotEstimable(Pair pair) {
        VariantCounts variant = pair.variant();
        VariantCounts baseline = pair.baseline();
        long minimum = pair.metric().kind() == Metric.Kind.MEAN ? 2 : 1;
        if (variant.exposed() < minimum || baseline.exposed() < minimum) {
            return "not enough data yet: " + pair.metric().label() + " needs at least " + minimum + " exposed user"
                    + (minimum == 1 ? "" : "s") + " in each arm (" + variant.name() + " has " + variant.exposed()
                    + ", " + baseline.name() + " has " + baseline.exposed() + ")";
        }
        if (pair.metric().kind() == Metric.Kind.PROPORTION) {
            double a = pair.metric().value(variant);
            double b = pair.metric().value(baseline);
            if (a == b && (a == 0 || a == 1)) {
                return "not enough data yet: the " + pair.metric().label() + " is " + (a == 0 ? "0" : "100%")
                        + " in both arms, so its difference has no estimable variance";
            }
        }
        if (pair.metric().kind() == Metric.Kind.MEAN) {
            SampleMoments a = pair.metric().sample(variant);
            SampleMoments b = pair.metric().sample(baseline);
            if (a.varianceOfMean() + b.varianceOfMean() == 0) {
                return "not enough data yet: " + pair.metric().label() + " does not vary in either arm (every user"
                        + " has the same value)";
            }
        }
        return null;
    }

    private Estimated estimate(Pair pair) {
        Metric metric = pair.metric();
        VariantCounts variant = pair.variant();
        VariantCounts baseline = pair.baseline();
        FixedHorizonTest fixed;
        BayesianEstimate bayesian;
        switch (metric.kind()) {
            case PROPORTION -> {
                long vs = metric.successes(variant);
                long bs = metric.successes(baseline);
                fixed = TwoProportionZTest.compare(bs, baseline.exposed(), vs, variant.exposed(), alpha);
                bayesian = BayesianComparison.proportions(bs, baseline.exposed(), vs, variant.exposed());
            }
            case MEAN -> {
                fixed = WelchTTest.compare(metric.sample(baseline), metric.sample(variant), alpha);
                bayesian = BayesianComparison.means(metric.sample(baseline), metric.sample(variant));
            }
            default -> throw new IllegalStateException("Unknown metric kind " + metric.kind());
        }
        if (!metric.higherIsBetter()) {
            bayesian = bayesian.lowerIsBetter();
        }
        AlwaysValidEstimate alwaysValid = SequentialTest.of(metric, baseline, variant, mixing, alpha);
        return new Estimated(pair, fixed, bayesian, alwaysValid);
    }

    /** Applies the correction within each family (metric, baseline) and decides significance. */
    private List<ExperimentResult.Comparison> adjust(List<Estimated> estimated) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < estimated.size(); i++) {
            Pair pair = estimated.get(i).pair();
            families.computeIfAbsent(pair.metric() + "|" + pair.baseline().name(), key -> new ArrayList<>()).add(i);
        }
        double[] adjustedFixed = new double[estimated.size()];
        double[] adjustedAlwaysValid = new double[estimated.size()];
        int[] familySize = new int[estimated.size()];
        for (List<Integer> family : families.values()) {
            double[] fixed = family.stream().mapToDouble(i -> estimated.get(i).fixed().pValue()).toArray();
            double[] alwaysValid = family.stream().mapToDouble(i -> estimated.get(i).alwaysValid().pValue())
                    .toArray();
            double[] fixedAdjusted = correction.adjust(fixed);
            double[] alwaysValidAdjusted = correction.adjust(alwaysValid);
            for (int k = 0; k < family.size(); k++) {
                adjustedFixed[family.get(k)] = fixedAdjusted[k];
                adjustedAlwaysValid[family.get(k)] = alwaysValidAdjusted[k];
                familySize[family.get(k)] = family.size();
            }
        }
        List<ExperimentResult.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < estimated.size(); i++) {
            Estimated e = estimated.get(i);
            double deciding = inference == Inference.FIXED_HORIZON ? adjustedFixed[i] : adjustedAlwaysValid[i];
            boolean significant = deciding < alpha;
            Outcome outcome = !significant ? Outcome.INCONCLUSIVE
                    : (e.fixed().difference() > 0) == e.pair().metric().higherIsBetter() ? Outcome.BETTER
                            : Outcome.WORSE;
            Pair pair = e.pair();
            comparisons.add(new ExperimentResult.Comparison(pair.variant().name(), pair.baseline().name(),
                    pair.baseline().role(), pair.metric(), pair.guardrail(), e.fixed(), adjustedFixed[i],
                    e.bayesian(), e.alwaysValid(), adjustedAlwaysValid[i], familySize[i], significant, outcome));
        }
        return comparisons;
    }

    private record Pair(VariantCounts variant, VariantCounts baseline, Metric metric, boolean guardrail) {}

    private record Estimated(Pair pair, FixedHorizonTest fixed, BayesianEstimate bayesian,
            AlwaysValidEstimate alwaysValid) {}
}
