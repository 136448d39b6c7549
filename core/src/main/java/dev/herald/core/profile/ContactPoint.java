package dev.herald.core.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An address a channel delivers to (an email address, a phone number, a push token), with whether it is usable.
 * An invalid contact point is kept with its problem so a decision trace can say why a channel was not used.
 *
 * @param value the address as received, or {@code ""} when there is none
 * @param problem why it cannot be used, or {@code ""} when it can
 */
public record ContactPoint(String value, String problem) {

    /** No address. */
    public static final ContactPoint NONE = new ContactPoint("", "");

    /** An address assumed to exist, for replays of logs that carry no contact data. */
    public static final ContactPoint ASSUMED = new ContactPoint("<assumed>", "");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public ContactPoint {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether there is an address that can be used. */
    public boolean isUsable() {
        return !value.isEmpty() && problem.isEmpty();
    }

    /** Whether an address was given at all, usable or not. */
    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** A copy marked unusable, for example after a hard bounce. */
    public ContactPoint invalidated(String why) {
        return new ContactPoint(value, why);
    }

    /**
     * Checks an email address's syntax. The address is kept even when invalid, with the problem stated.
     */
    public static ContactPoint email(String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return NONE;
        }
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return new ContactPoint(value, "invalid email address \"" + value + "\"");
        }
        return new ContactPoint(value, "");
    }

    /**
     * Checks that a phone number is in E.164 form ({@code +} and 7 to 15 digits). Numbers in local forms are
     * normalised by the ingesting adapter before they reach the core; whatever is still not E.164 is invalid.
     */
    public static ContactPoint phone(String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return NONE;
        }
        if (!E164.matcher(value).matches()) {
            return new ContactPoint(value, "phone \"" + value + "\" is not in E.164 form (like +14155550123)");
        }
        return new ContactPoint(value, "");
    }

    /** A push token: any non-blank string up to 4096 characters. */
    public static ContactPoint pushToken(String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return NONE;
        }
        if (value.length() > 4096) {
            return new ContactPoint(value.substring(0, 32) + "…", "push token longer than 4096 characters");
        }
        return new ContactPoint(value, "");
    }
}
