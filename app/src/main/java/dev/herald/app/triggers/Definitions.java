package dev.herald.app.triggers;

import dev.herald.core.engine.EngineConfig;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.trigger.TriggerSet;
import java.util.Objects;

/**
 * What a trigger file (and an experiments file beside it) defines: the triggers, and the experiments on their
 * messages, checked against each other.
 */
public record Definitions(TriggerSet triggers, ExperimentSet experiments) {

    public Definitions {
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(experiments, "experiments");
    }

    /** The engine configuration with these experiments (its triggers must be these). */
    public EngineConfig applyTo(EngineConfig config) {
        if (config.triggers() != triggers) {
            throw new IllegalArgumentException("the engine configuration was made with other triggers");
        }
        return config.withExperiments(experiments);
    }
}
