package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in a user's in-app inbox.
 *
 * @param messageId the decision id of the message
 * @param title the headline, or {@code null}
 * @param markdown the body as Markdown, or {@code null}
 * @param callToAction the button's label, or {@code null}
 * @param url where the button leads, or {@code null}
 * @param createdAt when it arrived in the inbox
 * @param readAt when the user first read it, or {@code null} while unread
 */
public record InboxItem(
        String messageId,
        String userId,
        String title,
        String markdown,
        String callToAction,
        String url,
        Instant createdAt,
        Instant readAt) {

    public InboxItem {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the user has read it. */
    public boolean isRead() {
        return readAt != null;
    }
}
