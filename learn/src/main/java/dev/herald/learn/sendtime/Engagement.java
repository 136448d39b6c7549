package dev.herald.learn.sendtime;

/**
 * A kind of engagement the send-time model counts. Stronger signals weigh more; the default weights are those of
 * {@link EngagementWeights#DEFAULT}.
 */
public enum Engagement {
    /** An order completed. */
    ORDER,
    /** A click in a message. */
    CLICK,
    /** A message opened. */
    OPEN,
    /** A session on the site or app, whatever brought the user there. */
    SESSION
}
