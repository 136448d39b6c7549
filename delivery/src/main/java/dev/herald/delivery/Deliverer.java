package dev.herald.delivery;

import dev.herald.core.profile.Channel;

/**
 * Hands one message to a provider. Implementations are thread-safe, never throw for a message (every failure is a
 * {@link DeliveryResult}), and send at most once per call; retries are the caller's (the outbox's).
 */
public interface Deliverer {

    /** The channel this deliverer serves. */
    Channel channel();

    /** Sends the message and says what the provider answered. */
    DeliveryResult deliver(Delivery delivery);
}
