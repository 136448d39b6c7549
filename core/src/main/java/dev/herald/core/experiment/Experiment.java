package dev.herald.core.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test of a trigger's message: variants (content, channel, timing) against each other and against a holdout that
 * gets nothing, while the experiment runs ({@code start <= engine time < stop}).
 *
 * <p>A user's arm is decided by GrowthBook's version 2 hash of the user id with the experiment's seed
 * ({@link Bucketing}): the first {@code holdout} of the hash space is held out, the rest is split by the variants'
 * weights in their order. So a user is in the same arm for every occurrence, in every process, after every restart.
 *
 * @param name the experiment's id: lower case letters, digits and underscores
 * @param trigger the id of the trigger whose messages are tested
 * @param seed the hash seed; the name unless given (a new seed reshuffles users)
 * @param variants the arms that get a message, at least one; at least two without a holdout
 * @param control the name of the control variant, the baseline of the comparisons
 * @param holdout the share of users held out, in {@code [0, 0.5]}
 * @param start when it starts, or {@code null} for "already"
 * @param stop when it stops (exclusive), or {@code null} for "not yet planned"
 * @param conversionWindow how long after their exposure a user's orders count
 */
public record Experiment(
        String name,
        String trigger,
        String seed,
        List<Variant> variants,
        String control,
        double holdout,
        Instant start,
        Instant stop,
        Metric metric,
        List<Guardrail> guardrails,
        Duration conversionWindow,
        Allocation allocation) {

    /** The largest holdout share. */
    public static final double MAX_HOLDOUT = 0.5;

    /** The default conversion window. */
    public static final Duration DEFAULT_CONVERSION_WINDOW = Duration.ofHours(72);

    /** The hash version used: GrowthBook's unbiased one. */
    public static final int HASH_VERSION = 2;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Experiment {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an experiment name must be lower case letters, digits and"
                    + " underscores, starting with a letter; got \"" + name + "\"");
        }
        Objects.requireNonNull(trigger, "trigger");
        seed = seed == null || seed.isEmpty() ? name : seed;
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("experiment " + name + " needs at least one variant");
        }
        Set<String> names = new HashSet<>();
        for (Variant variant : variants) {
            if (!names.add(variant.name())) {
                throw new IllegalArgumentException("experiment " + name + ": variant " + variant.name()
                        + " is defined twice");
            }
        }
        control = control == null ? variants.get(0).name() : control;
        if (!names.contains(control)) {
            throw new IllegalArgumentException("experiment " + name + ": the control \"" + control
                    + "\" is not one of its variants " + names(variants));
        }
        if (!(holdout >= 0 && holdout <= MAX_HOLDOUT)) {
            throw new IllegalArgumentException("experiment " + name + ": the holdout must be between 0 and "
                    + MAX_HOLDOUT + ", got " + holdout);
        }
        if (variants.size() == 1 && holdout == 0) {
            throw new IllegalArgumentException("experiment " + name + " has one variant and no holdout: there is"
                    + " nothing to compare it with; add a variant or a holdout");
        }
        if (start != null && stop != null && !start.isBefore(stop)) {
            throw new IllegalArgumentException("experiment " + name + ": it stops (" + stop
                    + ") before it starts (" + start + ")");
        }
        Objects.requireNonNull(metric, "metric");
        guardrails = List.copyOf(guardrails);
        Objects.requireNonNull(conversionWindow, "conversionWindow");
        if (conversionWindow.isNegative() || conversionWindow.isZero()) {
            throw new IllegalArgumentException("experiment " + name + ": the conversion window must be longer than"
                    + " 0, got " + conversionWindow);
        }
        Objects.requireNonNull(allocation, "allocation");
        if (allocation instanceof Allocation.Bandit bandit && bandit.floor() * variants.size() > 1) {
            throw new IllegalArgumentException("experiment " + name + ": a bandit floor of " + bandit.floor()
                    + " for " + variants.size() + " variants adds up to more than all the traffic");
        }
    }

    private static List<String> names(List<Variant> variants) {
        return variants.stream().map(Variant::name).toList();
    }

    /** Where the experiment is at a time. */
    public Status status(Instant now) {
        if (start != null && now.isBefore(start)) {
            return Status.SCHEDULED;
        }
        if (stop != null && !now.isBefore(stop)) {
            return Status.ENDED;
        }
        return Status.RUNNING;
    }

    /** Whether the experiment assigns users at a time: {@code start <= now < stop}. */
    public boolean isRunning(Instant now) {
        return status(now) == Status.RUNNING;
    }

    /** Whether the two experiments test the same trigger at any common time. */
    public boolean overlaps(Experiment other) {
        if (!trigger.equals(other.trigger)) {
            return false;
        }
        boolean startsBeforeOtherStops = start == null || other.stop == null || start.isBefore(other.stop);
        boolean otherStartsBeforeThisStops = other.start == null || stop == null || other.start.isBefore(stop);
        return startsBeforeOtherStops && otherStartsBeforeThisStops;
    }

    /** The variants' weights as written, in their order. */
    public List<Double> weights() {
        return variants.stream().map(Variant::weight).toList();
    }

    /** The variant with this name. */
    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }

    /** The names of the arms: the variants in their order, then {@value Assignment#HOLDOUT} when there is one. */
    public List<String> arms() {
        List<String> arms = new ArrayList<>(names(variants));
        if (holdout > 0) {
            arms.add(Assignment.HOLDOUT);
        }
        return List.copyOf(arms);
    }

    /**
     * What an arm is.
     *
     * @throws IllegalArgumentException when the experiment has no such arm
     */
    public Role role(String arm) {
        if (arm.equals(Assignment.HOLDOUT) && holdout > 0) {
            return Role.HOLDOUT;
        }
        if (variant(arm).isEmpty()) {
            throw new IllegalArgumentException("experiment " + name + " has no arm " + arm + "; its arms are "
                    + arms());
        }
        return arm.equals(control) ? Role.CONTROL : Role.TREATMENT;
    }

    /**
     * The share of users an arm is planned to get under the written weights: the holdout's share, or a variant's
     * weight's part of the rest.
     *
     * @throws IllegalArgumentException when the experiment has no such arm
     */
    public double plannedShare(String arm) {
        if (role(arm) == Role.HOLDOUT) {
            return holdout;
        }
        double sum = weights().stream().mapToDouble(Double::doubleValue).sum();
        return (1 - holdout) * variant(arm).orElseThrow().weight() / sum;
    }

    /**
     * The arm of a user under the given variant weights: deterministic, the same in every process. The user's
     * version 2 hash with the seed falls into the holdout's range {@code [0, holdout)} or into one of the variants'
     * ranges, laid out after it by their shares of the weights.
     *
     * @param variantWeights a weight per variant, in the order of {@link #variants()}; non-positive ones get no
     *     users, and equal shares are used when none is positive
     */
    public Assignment assign(String userId, List<Double> variantWeights) {
        if (variantWeights.size() != variants.size()) {
            throw new IllegalArgumentException("experiment " + name + " has " + variants.size() + " variants, got "
                    + variantWeights.size() + " weights");
        }
        double sum = 0;
        for (double weight : variantWeights) {
            sum += usable(weight);
        }
        List<Double> shares = new ArrayList<>(variants.size() + 1);
        shares.add(holdout);
        for (double weight : variantWeights) {
            shares.add((1 - holdout) * (sum > 0 ? usable(weight) / sum : 1.0 / variants.size()));
        }
        double n = Bucketing.hash(seed, userId, HASH_VERSION).orElseThrow();
        int index = Bucketing.chooseVariation(n, Bucketing.ranges(shares.size(), 1.0, shares));
        if (index == 0) {
            return new Assignment(name, Assignment.HOLDOUT);
        }
        // The shares add up to 1 up to rounding; a number past the last range's end goes to the last variant.
        int variant = index < 0 ? variants.size() - 1 : index - 1;
        return new Assignment(name, variants.get(variant).name());
    }

    private static double usable(double weight) {
        return weight > 0 && Double.isFinite(weight) ? weight : 0;
    }
}
