package dev.herald.core.state;

import dev.herald.core.profile.Channel;
import java.util.Objects;

/** A message sent to the user, with what they did with it; what frequency caps and engagement facts count. */
public record SentMessage(String messageId, int trigger, Channel channel, boolean marketing, long sentAt, int flags) {

    public static final int DELIVERED = 1;
    public static final int OPENED = 2;
    public static final int CLICKED = 4;

    public SentMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
    }

    public boolean opened() {
        return (flags & OPENED) != 0;
    }

    public boolean clicked() {
        return (flags & CLICKED) != 0;
    }

    SentMessage with(int flag) {
        return (flags & flag) == flag ? this : new SentMessage(messageId, trigger, channel, marketing, sentAt,
                flags | flag);
    }
}
