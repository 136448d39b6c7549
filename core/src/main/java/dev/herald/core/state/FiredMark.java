package dev.herald.core.state;

import java.util.Objects;

/** A message scheduled for a trigger and scope key at a time: what re-entry rules look back on. */
public record FiredMark(int trigger, String scopeKey, long at) {

    public FiredMark {
        Objects.requireNonNull(scopeKey, "scopeKey");
    }
}
