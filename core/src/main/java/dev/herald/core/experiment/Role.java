package dev.herald.core.experiment;

import java.util.Locale;

/** What an arm of an experiment is: the control, a treatment, or the holdout that gets no message. */
public enum Role {
    CONTROL,
    TREATMENT,
    HOLDOUT;

    /** The name used in reports and the API: {@code control}, {@code treatment}, {@code holdout}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
