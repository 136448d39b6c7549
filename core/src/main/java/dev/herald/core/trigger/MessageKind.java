package dev.herald.core.trigger;

/**
 * Whether a trigger's messages are marketing (they need consent and obey frequency caps) or transactional (an
 * order-shipped notice: no marketing consent or caps, still a valid contact point).
 */
public enum MessageKind {
    MARKETING,
    TRANSACTIONAL
}
