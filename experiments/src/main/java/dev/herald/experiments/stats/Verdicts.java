package dev.herald.experiments.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes an experiment's findings as plain-English lines, in the order a reader needs them: can the result be trusted
 * (sample ratio), which variant wins on the primary metric, what the message adds over the holdout, whether a
 * guardrail is breached, what cannot be said yet, and a recommendation.
 */
final class Verdicts {

    private final Metric primaryMetric;
    private final List<Metric> guardrails;
    private final double alpha;
    private final Correction correction;
    private final Inference inference;

    Verdicts(Metric primaryMetric, List<Metric> guardrails, double alpha, Correction correction, Inference inference) {
        this.primaryMetric = primaryMetric;
        this.guardrails = guardrails;
        this.alpha = alpha;
        this.correction = correction;
        this.inference = inference;
    }

    List<String> write(List<VariantCounts> variants, List<ExperimentResult.Comparison> comparisons,
            List<ExperimentResult.NotEstimated> notEstimated, SampleRatioCheck sampleRatio) {
        List<String> lines = new ArrayList<>();
        lines.add(sampleRatioLine(sampleRatio));
        for (ExperimentResult.Comparison comparison : comparisons) {
            if (!comparison.guardrail()) {
                lines.add(comparisonLine(comparison, variants));
            }
        }
        boolean hasHoldout = variants.stream().anyMatch(v -> v.role() == Role.HOLDOUT);
        if (hasHoldout && !primaryMetric.comparableWithHoldout()) {
            lines.add("holdout: " + primaryMetric.label() + " needs a message, so it cannot be compared with the"
                    + " holdout; use conversion or revenue per recipient as the primary metric to measure what the"
                    + " message adds");
        }
        for (Metric guardrail : guardrails) {
            lines.addAll(guardrailLines(guardrail, comparisons, variants));
        }
        for (ExperimentResult.NotEstimated missing : notEstimated) {
            lines.add(describe(missing.variant(), variants) + " vs " + describe(missing.baseline(), variants) + " on "
                    + missing.metric().label() + ": " + missing.reason());
        }
        recommendation(comparisons, variants, sampleRatio).ifPresent(lines::add);
        return lines;
    }

    private String sampleRatioLine(SampleRatioCheck check) {
        String observed = check.shares().stream().map(s -> String.format(Locale.ROOT, "%,d", s.observed()))
                .collect(Collectors.joining(" / "));
        String planned = check.shares().stream().map(s -> percent(s.plannedShare()))
                .collect(Collectors.joining(" / "));
        String names = check.shares().stream().map(SampleRatioCheck.Share::variant)
                .collect(Collectors.joining(" / "));
        if (check.flagged()) {
            return "SRM: exposed users " + observed + " (" + names + ") do not match the planned split " + planned
                    + " (chi-squared " + format(check.chiSquared(), 2) + ", " + pValue(check.pValue()) + ", below "
                    + check.threshold() + "): flagged, do not trust this result until assignment is fixed";
        }
        return "SRM: exposed users " + observed + " (" + names + ") match the planned split " + planned + " ("
                + pValue(check.pValue()) + ")";
    }

    private String comparisonLine(ExperimentResult.Comparison comparison, List<VariantCounts> variants) {
        String subject = describe(comparison.variant(), variants);
        String baseline = describe(comparison.baseline(), variants);
        String on = " on " + comparison.metric().label()
                + (comparison.baselineRole() == Role.HOLDOUT ? " (incremental effect of the message)" : "");
        String head = switch (comparison.outcome()) {
            case BETTER -> subject + " beats " + baseline + on + ": ";
            case WORSE -> subject + " loses to " + baseline + on + ": ";
            case INCONCLUSIVE -> subject + " vs " + baseline + on + ": no significant difference yet, ";
        };
        return head + evidence(comparison) + "; chance to beat " + baseline + " "
                + chance(comparison.bayesian().chanceToBeat());
    }

    private List<String> guardrailLines(Metric guardrail, List<ExperimentResult.Comparison> comparisons,
            List<VariantCounts> variants) {
        List<ExperimentResult.Comparison> ofGuardrail = comparisons.stream()
                .filter(c -> c.guardrail() && c.metric() == guardrail).toList();
        if (ofGuardrail.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (ExperimentResult.Comparison comparison : ofGuardrail) {
            if (comparison.outcome() == Outcome.WORSE) {
                lines.add("guardrail " + guardrail.label() + ": " + describe(comparison.variant(), variants)
                        + " is worse than " + describe(comparison.baseline(), variants) + ", "
                        + evidence(comparison));
            }
        }
        if (lines.isEmpty()) {
            lines.add("guardrail " + guardrail.label() + ": no variant is significantly worse than "
                    + describe(ofGuardrail.get(0).baseline(), variants));
        }
        return lines;
    }

    private Optional<String> recommendation(List<ExperimentResult.Comparison> comparisons,
            List<VariantCounts> variants, SampleRatioCheck sampleRatio) {
        if (sampleRatio.flagged()) {
            return Optional.of("recommendation: none; fix the sample ratio mismatch first");
        }
        List<ExperimentResult.Comparison> winners = comparisons.stream()
                .filter(c -> !c.guardrail() && c.baselineRole() == Role.CONTROL && c.outcome() == Outcome.BETTER)
                .sorted(Comparator.comparingDouble((ExperimentResult.Comparison c) -> c.fixedHorizon().difference()
                        * (primaryMetric.higherIsBetter() ? -1 : 1)))
                .toList();
        if (winners.isEmpty()) {
            return Optional.empty();
        }
        ExperimentResult.Comparison best = winners.get(0);
        List<String> breached = comparisons.stream()
                .filter(c -> c.guardrail() && c.variant().equals(best.variant()) && c.outcome() == Outcome.WORSE)
                .map(c -> c.metric().label()).toList();
        String subject = describe(best.variant(), variants);
        if (!breached.isEmpty()) {
            return Optional.of("recommendation: " + subject + " wins on " + primaryMetric.label()
                    + " but is worse on " + String.join(", ", breached) + "; weigh both before rolling it out");
        }
        return Optional.of("recommendation: roll out " + subject + " (best on " + primaryMetric.label()
                + ", no guardrail breached)");
    }

    /** The difference, its interval and the deciding p-value, with the other reading after it. */
    private String evidence(ExperimentResult.Comparison comparison) {
        FixedHorizonTest fixed = comparison.fixedHorizon();
        AlwaysValidEstimate alwaysValid = comparison.alwaysValid();
        Metric metric = comparison.metric();
        int decimals = decimals(metric, fixed);
        String level = confidenceLevel();
        String after = comparison.familySize() > 1 ? " after " + correction.label() : "";
        String lift = fixed.relativeLift() == null ? ""
                : " (" + signed(fixed.relativeLift() * 100, 1) + "% relative)";
        String difference = signed(scale(metric, fixed.difference()), decimals) + unit(metric) + lift;
        return switch (inference) {
            case FIXED_HORIZON -> difference + " (" + level + " CI " + interval(metric, fixed.ciLow(),
                    fixed.ciHigh(), decimals) + "), " + pValue(comparison.adjustedPValue()) + after
                    + "; always-valid " + pValue(comparison.adjustedAlwaysValidPValue()) + after;
            case ALWAYS_VALID -> difference + " (always-valid " + level + " CI " + interval(metric,
                    alwaysValid.ciLow(), alwaysValid.ciHigh(), decimals) + "), always-valid "
                    + pValue(comparison.adjustedAlwaysValidPValue()) + after + "; fixed-horizon "
                    + pValue(comparison.adjustedPValue()) + after;
        };
    }

    private String confidenceLevel() {
        double level = (1 - alpha) * 100;
        return (level == Math.rint(level) ? format(level, 0) : format(level, 1)) + "%";
    }

    private static String interval(Metric metric, double low, double high, int decimals) {
        return format(scale(metric, low), decimals) + " to " + format(scale(metric, high), decimals);
    }

    /** Rates in percentage points, means as they are. */
    private static double scale(Metric metric, double value) {
        return metric.kind() == Metric.Kind.PROPORTION ? value * 100 : value;
    }

    private static String unit(Metric metric) {
        return metric.kind() == Metric.Kind.PROPORTION ? " pp" : " per recipient";
    }

    /** Two decimals for means; for percentage points one, or two when the interval is narrower than +-0.5 pp. */
    private static int decimals(Metric metric, FixedHorizonTest fixed) {
        if (metric.kind() == Metric.Kind.MEAN) {
            return 2;
        }
        double halfWidth = (fixed.ciHigh() - fixed.ciLow()) / 2;
        return halfWidth * 100 < 0.5 ? 2 : 1;
    }

    private static String describe(String name, List<VariantCounts> variants) {
        Role role = variants.stream().filter(v -> v.name().equals(name)).map(VariantCounts::role).findFirst()
                .orElse(Role.TREATMENT);
        return switch (role) {
            case TREATMENT -> "variant " + name;
            case CONTROL -> name.equalsIgnoreCase("control") ? "control" : "control '" + name + "'";
            case HOLDOUT -> name.equalsIgnoreCase("holdout") ? "holdout" : "holdout '" + name + "'";
        };
    }

    /** {@code p=0.003}, or {@code p<0.001} below that. */
    static String pValue(double p) {
        return p < 0.001 ? "p<0.001" : "p=" + format(p, 3);
    }

    /** A probability as a percentage, never rounded to a certainty it is not: {@code >99.9%}, {@code <0.1%}. */
    static String chance(double probability) {
        if (probability > 0.999) {
            return ">99.9%";
        }
        if (probability < 0.001) {
            return "<0.1%";
        }
        return percent(probability);
    }

    private static String percent(double share) {
        String text = format(share * 100, 1);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    private static String signed(double value, int decimals) {
        String text = format(Math.abs(value), decimals);
        boolean zero = Double.parseDouble(text) == 0;
        return (zero ? "" : value < 0 ? "-" : "+") + text;
    }

    private static String format(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
