package dev.herald.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything the store holds about one user, for an export.
 *
 * @param events the user's events, newest first
 * @param decisions the decisions about the user, the last changed first
 * @param outbox the user's messages, the latest due first
 * @param engagement the reports about the user's messages, the latest first
 * @param inbox the user's in-app messages, the newest first
 * @param exposures the user's exposures to experiments, the latest first
 */
public record UserData(
        String userId,
        List<StoredEvent> events,
        List<DecisionRow> decisions,
        List<OutboxEntry> outbox,
        List<EngagementRow> engagement,
        List<InboxItem> inbox,
        List<Exposure> exposures) {

    public UserData {
        Objects.requireNonNull(userId, "userId");
        events = List.copyOf(events);
        decisions = List.copyOf(decisions);
        outbox = List.copyOf(outbox);
        engagement = List.copyOf(engagement);
        inbox = List.copyOf(inbox);
        exposures = List.copyOf(exposures);
    }

    /** The data of a user never exposed to an experiment. */
    public UserData(String userId, List<StoredEvent> events, List<DecisionRow> decisions, List<OutboxEntry> outbox,
            List<EngagementRow> engagement, List<InboxItem> inbox) {
        this(userId, events, decisions, outbox, engagement, inbox, List.of());
    }

    /** Whether the store holds nothing about the user. */
    public boolean isEmpty() {
        return events.isEmpty() && decisions.isEmpty() && outbox.isEmpty() && engagement.isEmpty()
                && inbox.isEmpty() && exposures.isEmpty();
    }
}
