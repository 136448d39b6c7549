package dev.herald.core.engine;

import dev.herald.core.util.Fnv1a;

/** Stable identifiers derived from what they identify, so a replay of the same log gives the same ids. */
final class Ids {

    private Ids() {}

    /** The id of the decision (and of its message) for a trigger occurrence. */
    static String decision(String userId, String triggerId, String scopeKey, long firedAtMillis) {
        long hash = Fnv1a.hash64(userId + '\u001f' + triggerId + '\u001f' + scopeKey + '\u001f' + firedAtMillis);
        return "m_" + String.format("%016x", hash);
    }

    /** A per-decision seed for randomised policies: the engine's seed mixed with the decision id. */
    static long seed(long engineSeed, String decisionId) {
        long z = engineSeed ^ Fnv1a.hash64(decisionId);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
