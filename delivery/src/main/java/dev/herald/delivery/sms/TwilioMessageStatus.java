package dev.herald.delivery.sms;

import java.util.Locale;
import java.util.Optional;

/** The statuses of an outgoing Twilio message, as status callbacks report them in {@code MessageStatus}. */
public enum TwilioMessageStatus {
    /** A Messaging Service took the message and is picking a sender. */
    ACCEPTED,
    /** Scheduled to be sent later. */
    SCHEDULED,
    /** A scheduled message that was cancelled. */
    CANCELED,
    /** Waiting in Twilio's queue. */
    QUEUED,
    /** Being handed to the carrier. */
    SENDING,
    /** The carrier took it. */
    SENT,
    /** Twilio could not send it. */
    FAILED,
    /** The carrier confirmed delivery to the handset. */
    DELIVERED,
    /** The carrier could not deliver it. */
    UNDELIVERED,
    /** Read by the recipient (WhatsApp and RCS). */
    READ,
    /** Some parts of a long message were delivered (RCS and some carriers). */
    PARTIALLY_DELIVERED;

    /** Finds a status by Twilio's name for it, such as {@code undelivered}, ignoring case. */
    public static Optional<TwilioMessageStatus> find(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TwilioMessageStatus status : values()) {
            if (status.name().equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether the message is done with: no later status is expected but {@link #READ}. */
    public boolean isFinal() {
        return switch (this) {
            case CANCELED, FAILED, DELIVERED, UNDELIVERED, READ, PARTIALLY_DELIVERED -> true;
            case ACCEPTED, SCHEDULED, QUEUED, SENDING, SENT -> false;
        };
    }

    /** Whether the message did not reach the person. */
    public boolean isFailure() {
        return this == FAILED || this == UNDELIVERED;
    }

    /** Twilio's name, such as {@code undelivered}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
