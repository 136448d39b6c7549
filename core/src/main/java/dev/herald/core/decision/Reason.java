package dev.herald.core.decision;

/** Why a message was not sent: each suppression or cancellation names exactly one. */
public enum Reason {
    /** No allowed channel has a usable contact point and, for marketing, consent. */
    NO_REACHABLE_CHANNEL("no_reachable_channel"),
    /** The trigger's re-entry rule: already messaged for this scope. */
    DUPLICATE("duplicate"),
    /** A message of a trigger with the same or a higher priority is already scheduled for the user. */
    LOWER_PRIORITY("lower_priority"),
    /** The user already received the weekly maximum of marketing messages. */
    WEEKLY_CAP("weekly_cap"),
    /** The last marketing message is too recent, for the whole send window. */
    MIN_SPACING("min_spacing"),
    /** Every eligible channel reached its own cap. */
    CHANNEL_CAP("channel_cap"),
    /** Several messages received recently and none opened or clicked. */
    IGNORES_US("ignores_us"),
    /** The policy found no channel and time in the send window (quiet hours, for example). */
    NO_SEND_SLOT("no_send_slot"),
    /** The policy chose to send nothing. */
    POLICY_DECLINED("policy_declined"),
    /** An exit event (a purchase, an emptied cart, new activity) ended the occurrence before sending. */
    EXITED("exited"),
    /** A higher-priority trigger's message took this one's place. */
    PREEMPTED("preempted"),
    /**
     * At send time the message fell in the channel's quiet hours (the user's time zone changed after scheduling) and
     * no later time fits the send window.
     */
    QUIET_HOURS("quiet_hours"),
    /** The chosen channel became unusable before sending: consent withdrawn, contact point bounced. */
    CHANNEL_UNUSABLE("channel_unusable"),
    /**
     * The user is in an experiment's holdout: everything allowed a message, and none is sent, so that the message's
     * effect can be measured against users who got none.
     */
    HOLDOUT("holdout");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code used in traces, summaries and the API, for example {@code weekly_cap}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
