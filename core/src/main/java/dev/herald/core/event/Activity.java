package dev.herald.core.event;

import java.time.Instant;

/**
 * Any other thing a user did: a session started, the app opened, a page seen, or a track event Herald has no
 * special rule for. It counts as activity (it ends inactivity) and nothing more.
 *
 * @param name the event's name as sent, for example {@code "Application Opened"}
 */
public record Activity(String messageId, String userId, Instant timestamp, String name) implements UserEvent {

    public Activity {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        Checks.text(name, "name");
    }

    @Override
    public EventType type() {
        return EventType.ACTIVITY;
    }
}
