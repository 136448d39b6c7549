package dev.herald.experiments.stats;

/** What a variant is for in an experiment. */
public enum Role {
    /** The reference message every treatment is compared with. An experiment has exactly one. */
    CONTROL,
    /** A message variant under test. */
    TREATMENT,
    /**
     * Users who are assigned to the experiment but receive nothing. Comparing a message with the holdout measures
     * incrementality: what sending the message adds over not sending it. An experiment has at most one.
     */
    HOLDOUT;

    /** Whether users in this role are sent a message ({@code false} only for the holdout). */
    public boolean receivesMessage() {
        return this != HOLDOUT;
    }
}
