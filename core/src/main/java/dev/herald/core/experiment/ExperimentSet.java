package dev.herald.core.experiment;

import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiments an engine runs, checked against its triggers: names are unique, each tests a trigger of the set,
 * a variant's content is one of its trigger's content variants and its channel one of the trigger's channels, and
 * no two experiments test one trigger at a common time (so a message is in at most one experiment).
 *
 * <p>Immutable and thread-safe.
 */
public final class ExperimentSet {

    /** No experiments. */
    public static final ExperimentSet EMPTY = new ExperimentSet(List.of());

    private final List<Experiment> experiments;
    private final Map<String, List<Experiment>> byTrigger = new HashMap<>();

    private ExperimentSet(List<Experiment> experiments) {
        this.experiments = List.copyOf(experiments);
        for (Experiment experiment : this.experiments) {
            byTrigger.computeIfAbsent(experiment.trigger(), t -> new ArrayList<>()).add(experiment);
        }
    }

    /**
     * Checks the experiments against the triggers.
     *
     * @throws IllegalArgumentException naming the experiment and what is wrong, at the first problem
     */
    public static ExperimentSet of(List<Experiment> experiments, TriggerSet triggers) {
        Map<String, Experiment> names = new HashMap<>();
        for (Experiment experiment : experiments) {
            if (names.putIfAbsent(experiment.name(), experiment) != null) {
                throw new IllegalArgumentException("experiment \"" + experiment.name() + "\" is defined twice");
            }
            problem(experiment, triggers).ifPresent(problem -> {
                throw new IllegalArgumentException("experiment " + experiment.name() + ": " + problem);
            });
        }
        for (int i = 0; i < experiments.size(); i++) {
            for (int j = 0; j < i; j++) {
                Experiment earlier = experiments.get(j);
                Experiment later = experiments.get(i);
                if (later.overlaps(earlier)) {
                    throw new IllegalArgumentException(overlapProblem(later, earlier));
                }
            }
        }
        return new ExperimentSet(experiments);
    }

    /** What is wrong with an experiment given the triggers, if anything (the overlap with others aside). */
    public static Optional<String> problem(Experiment experiment, TriggerSet triggers) {
        Optional<TriggerDefinition> found = triggers.find(experiment.trigger());
        if (found.isEmpty()) {
            return Optional.of("no trigger \"" + experiment.trigger() + "\"; the triggers are "
                    + triggers.all().stream().map(TriggerDefinition::id).toList());
        }
        TriggerDefinition trigger = found.get();
        for (Variant variant : experiment.variants()) {
            if (variant.content() != null && !trigger.variants().contains(variant.content())) {
                return Optional.of("variant " + variant.name() + ": trigger " + trigger.id()
                        + " has no content variant \"" + variant.content() + "\"; its variants are "
                        + trigger.variants());
            }
            if (variant.channel() != null && !trigger.channels().contains(variant.channel())) {
                return Optional.of("variant " + variant.name() + ": trigger " + trigger.id() + " may not write on "
                        + variant.channel() + "; its channels are " + trigger.channels());
            }
            if (variant.delay().compareTo(trigger.urgency()) > 0) {
                return Optional.of("variant " + variant.name() + ": a delay of " + variant.delay()
                        + " is longer than trigger " + trigger.id() + "'s urgency window (" + trigger.urgency() + ")");
            }
        }
        return Optional.empty();
    }

    /** Why two experiments cannot both be defined. */
    public static String overlapProblem(Experiment later, Experiment earlier) {
        return "experiment " + later.name() + " tests trigger " + later.trigger() + " while experiment "
                + earlier.name() + " does; at most one experiment may run per trigger at a time (give them"
                + " start and stop times that do not overlap)";
    }

    /** The experiments in the order defined. */
    public List<Experiment> all() {
        return experiments;
    }

    public boolean isEmpty() {
        return experiments.isEmpty();
    }

    /** The experiment with this name. */
    public Optional<Experiment> find(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The experiment running on a trigger at a time, if any (there is at most one). */
    public Optional<Experiment> running(String triggerId, Instant at) {
        List<Experiment> candidates = byTrigger.get(triggerId);
        if (candidates == null) {
            return Optional.empty();
        }
        for (Experiment experiment : candidates) {
            if (experiment.isRunning(at)) {
                return Optional.of(experiment);
            }
        }
        return Optional.empty();
    }
}
