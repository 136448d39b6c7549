package dev.herald.core.experiment;

import java.util.Locale;

/** Where an experiment is in its life at a given time: before its start, running, or after its stop. */
public enum Status {
    SCHEDULED,
    RUNNING,
    ENDED;

    /** The name used in reports and the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
