package dev.herald.app.replay;

import dev.herald.core.profile.Profile;
import java.util.Locale;
import java.util.Optional;

/** Whom a replay may write to: the contact data and consent in the log, or everyone. */
enum Reachability {
    /**
     * Users start with no contact points and no consent; only identify calls in the log make them reachable. The
     * right choice for Segment logs that carry traits.
     */
    TRAITS(Profile.EMPTY),
    /**
     * Every user is assumed to have an email address, a phone and a push token, with marketing consent on every
     * channel: for logs that carry behaviour only (Taobao, REES46), to see what would be sent.
     */
    ASSUMED(Profile.ASSUMED_REACHABLE);

    private final Profile newUserProfile;

    Reachability(Profile newUserProfile) {
        this.newUserProfile = newUserProfile;
    }

    Profile newUserProfile() {
        return newUserProfile;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Reachability> find(String name) {
        for (Reachability value : values()) {
            if (value.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
