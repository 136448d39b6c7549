package dev.herald.delivery;

import java.time.Duration;
import java.util.Objects;

/** What the provider answered. */
public sealed interface DeliveryResult {

    /**
     * The provider took the message.
     *
     * @param providerId the provider's id for it (Twilio's SID, FCM's message name, the SMTP queue id or our
     *     Message-ID), for status callbacks
     */
    record Accepted(String providerId) implements DeliveryResult {
        public Accepted {
            Objects.requireNonNull(providerId, "providerId");
        }
    }

    /**
     * A failure that may pass: a rate limit, a server error, a timeout, a refused connection. The outbox tries again.
     *
     * @param after how long to wait at least (the provider's Retry-After), or {@link Duration#ZERO} for the
     *     outbox's own backoff
     */
    record Retry(String reason, Duration after) implements DeliveryResult {
        public Retry {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * A failure that will not pass by trying again.
     *
     * @param contactInvalid whether the contact point itself is bad (hard bounce, invalid or unreachable number,
     *     unregistered push token), so that it is marked invalid and the next channel is tried
     */
    record Rejected(String reason, boolean contactInvalid) implements DeliveryResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
