package dev.herald.core.decision;

import dev.herald.core.profile.Channel;
import java.time.Instant;
import java.util.Objects;

/** What a policy chose: a channel, a send time and a content variant. */
public record Action(Channel channel, Instant sendAt, String variant) {

    public Action {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(variant, "variant");
    }
}
