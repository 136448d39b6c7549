package dev.herald.core.event;

/** The engagement reports Herald understands, each with the Segment-style event name it arrives under. */
public enum EngagementType {
    DELIVERED(EventType.MESSAGE_DELIVERED),
    OPENED(EventType.MESSAGE_OPENED),
    CLICKED(EventType.MESSAGE_CLICKED),
    UNSUBSCRIBED(EventType.MESSAGE_UNSUBSCRIBED),
    BOUNCED(EventType.MESSAGE_BOUNCED),
    FAILED(EventType.MESSAGE_FAILED);

    private final EventType eventType;

    EngagementType(EventType eventType) {
        this.eventType = eventType;
    }

    public EventType eventType() {
        return eventType;
    }
}
