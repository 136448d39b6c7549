package dev.herald.core.experiment;

import java.util.Objects;

/**
 * Which arm of an experiment a user is in: a variant's name, or {@value #HOLDOUT} for the users held out (they get
 * no message and are still measured).
 */
public record Assignment(String experiment, String variant) {

    /** The arm name of the users held out; no variant may take it. */
    public static final String HOLDOUT = "holdout";

    public Assignment {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
    }

    /** Whether the user is held out. */
    public boolean isHoldout() {
        return variant.equals(HOLDOUT);
    }

    @Override
    public String toString() {
        return experiment + "/" + variant;
    }
}
