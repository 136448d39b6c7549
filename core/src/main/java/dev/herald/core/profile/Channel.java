package dev.herald.core.profile;

import java.util.Locale;
import java.util.Optional;

/** The channels Herald can write on. */
public enum Channel {
    EMAIL("email"),
    SMS("sms"),
    PUSH("push"),
    IN_APP("in_app"),
    WEBHOOK("webhook");

    private final String key;

    Channel(String key) {
        this.key = key;
    }

    /** The name used in files, traces and the API, for example {@code in_app}. */
    public String key() {
        return key;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** Finds a channel by its key, ignoring case; {@code "inapp"} and {@code "in-app"} are accepted too. */
    public static Optional<Channel> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Channel channel : values()) {
            if (channel.key.equals(wanted) || channel.key.replace("_", "").equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
