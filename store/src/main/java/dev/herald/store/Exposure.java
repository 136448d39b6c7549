package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's first exposure to an experiment.
 *
 * @param variant the arm: a variant's name, or {@code holdout}
 * @param exposedAt when the decision that exposed the user was made (engine time)
 * @param decisionId the decision that exposed the user
 */
public record Exposure(String experiment, String userId, String variant, Instant exposedAt, String decisionId) {

    public Exposure {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(exposedAt, "exposedAt");
        Objects.requireNonNull(decisionId, "decisionId");
    }
}
