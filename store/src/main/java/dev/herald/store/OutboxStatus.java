package dev.herald.store;

import java.util.Locale;

/**
 * Where a message in the outbox stands.
 *
 * <pre>
 * pending ──claim──▶ sending ──▶ sent
 *    ▲                  │  └────▶ failed
 *    └─────retry────────┘
 * pending or sending ──▶ expired;   sending at start-up (a crash) ──▶ unknown
 * </pre>
 */
public enum OutboxStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Claimed by a sender, which is handing it to the provider. */
    SENDING,
    /** The provider took it. */
    SENT,
    /** It will not be sent: the provider refused it, or the attempts ran out. */
    FAILED,
    /** It was not sent in time. */
    EXPIRED,
    /** Herald stopped while sending it; the provider may or may not have it. Never retried. */
    UNKNOWN;

    /** The name stored in the {@code status} column, for example {@code pending}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored under the given name. */
    public static OutboxStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
