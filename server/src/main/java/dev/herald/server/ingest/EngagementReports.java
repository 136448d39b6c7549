package dev.herald.server.ingest;

import dev.herald.core.profile.Channel;
import dev.herald.store.EngagementRow;
import dev.herald.store.Engagements;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records what a recipient did with a message (a click, an open, an unsubscribe, a delivery report): as an event on
 * the durable path into the engine (which learns from it: consent, contact points, fatigue), and as a row of the
 * engagement table (for reports and attribution).
 */
public final class EngagementReports {

    private final Journal journal;
    private final OwnEvents own;
    private final Engagements engagements;
    private final Clock clock;

    public EngagementReports(Journal journal, OwnEvents own, Engagements engagements, Clock clock) {
        this.journal = journal;
        this.own = own;
        this.engagements = engagements;
        this.clock = clock;
    }

    /**
     * @param event the Segment event name, for example {@code Message Clicked}
     * @param type the engagement row's type, for example {@code clicked}
     * @param key what makes this report unique among its kind (one unsubscribe per message; a click per moment)
     * @param detail a JSON object with more, or null
     */
    public void report(String messageId, String userId, Channel channel, String event, String type, String key,
            String detail) {
        Instant now = clock.instant();
        journal.submit(own.one(event, messageId, userId, channel, now, key)).join();
        engagements.record(List.of(EngagementRow.of(messageId, userId, type, channel.key(), now, null, detail)));
    }

    /** The time now, on the service's clock. */
    public Instant now() {
        return clock.instant();
    }
}
