package dev.herald.core.decision;

/** The steps of the decision pipeline, in order, as they appear in a trace. */
public enum Stage {
    ELIGIBILITY("eligibility"),
    FATIGUE("fatigue"),
    POLICY("policy"),
    /** The experiment running on the trigger: the user's arm, and what its variant changed in the policy's choice. */
    EXPERIMENT("experiment"),
    SCHEDULE("schedule"),
    SEND_CHECK("send_check"),
    /** How the text was written: template, generated, cached, or the template after a failed generation. */
    WRITE("write");

    private final String key;

    Stage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
