package dev.herald.core.experiment;

import java.util.Arrays;
import java.util.Optional;

/** A metric an experiment must not make worse while it tries to improve its primary metric. */
public enum Guardrail {
    /** The share of users sent a message who unsubscribed. */
    UNSUBSCRIBE("unsubscribe");

    private final String key;

    Guardrail(String key) {
        this.key = key;
    }

    /** The name used in files and the API. */
    public String key() {
        return key;
    }

    /** The guardrail with this key. */
    public static Optional<Guardrail> find(String key) {
        return Arrays.stream(values()).filter(guardrail -> guardrail.key.equals(key)).findFirst();
    }
}
