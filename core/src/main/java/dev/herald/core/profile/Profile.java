package dev.herald.core.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Herald knows about how to reach a user: name, contact points, language, time zone, preferred channel and
 * marketing consent per channel. Immutable; {@link #withTraits} returns an updated copy.
 *
 * <p>Consent is off until a trait grants it: a marketing message needs consent for its channel, a transactional
 * one does not. In-app and webhook messages need no address of the user's own.
 *
 * @param firstName the first name, or {@code ""}
 * @param locale a BCP 47 language tag such as {@code en} or {@code ru-RU}, or {@code ""} for the default
 * @param zone the user's time zone, or {@code null} for the engine's default
 * @param preferredChannel the preferred channel as the shop sent it (it may name no channel), or {@code ""}
 * @param consentMask the channels with marketing consent, one bit per {@link Channel}
 * @param activeHours the local hours the user is active in, empty for the default 9 to 21
 * @param notes problems found in the traits (an unknown time zone, a bad phone), newest last, at most four
 */
public record Profile(
        String firstName,
        ContactPoint email,
        ContactPoint phone,
        ContactPoint pushToken,
        String locale,
        ZoneId zone,
        String preferredChannel,
        int consentMask,
        List<Integer> activeHours,
        List<String> notes) {

    /** A user Herald knows nothing about: no contact points, no consent. */
    public static final Profile EMPTY =
            new Profile("", ContactPoint.NONE, ContactPoint.NONE, ContactPoint.NONE, "", null, "", 0, List.of(),
                    List.of());

    /**
     * A user assumed reachable on every channel with marketing consent: what a replay of a log without contact
     * data uses when asked to show what would be sent.
     */
    public static final Profile ASSUMED_REACHABLE = new Profile("", ContactPoint.ASSUMED, ContactPoint.ASSUMED,
            ContactPoint.ASSUMED, "", null, "", allChannels(), List.of(), List.of());

    private static final int MAX_NOTES = 4;

    public Profile {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(pushToken, "pushToken");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        activeHours = List.copyOf(activeHours);
        notes = List.copyOf(notes);
    }

    private static int allChannels() {
        int mask = 0;
        for (Channel channel : Channel.values()) {
            mask |= channel.bit();
        }
        return mask;
    }

    /** The address the channel delivers to; in-app and webhook messages need none, so theirs is always usable. */
    public ContactPoint contactFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case PUSH -> pushToken;
            case IN_APP, WEBHOOK -> ContactPoint.ASSUMED;
        };
    }

    /**
     * Why a channel cannot be used for this user now (no address, an unusable one, no marketing consent), or null
     * when it can.
     */
    public String problemFor(Channel channel, boolean marketing) {
        ContactPoint contact = contactFor(channel);
        if (!contact.isPresent()) {
            return switch (channel) {
                case EMAIL -> "no email address";
                case SMS -> "no phone number";
                case PUSH -> "no push token";
                case IN_APP, WEBHOOK -> "no address";
            };
        }
        if (!contact.isUsable()) {
            return contact.problem();
        }
        if (marketing && !hasMarketingConsent(channel)) {
            return "no marketing consent";
        }
        return null;
    }

    /** Whether the user agreed to marketing on this channel. */
    public boolean hasMarketingConsent(Channel channel) {
        return (consentMask & channel.bit()) != 0;
    }

    /** The time zone, when the user's traits gave a valid one. */
    public Optional<ZoneId> findZone() {
        return Optional.ofNullable(zone);
    }

    /** The preferred channel, when one was given and it names a channel Herald has. */
    public Optional<Channel> findPreferredChannel() {
        return preferredChannel.isEmpty() ? Optional.empty() : Channel.find(preferredChannel);
    }

    /** The local hours the user is active in: their own, or 9 to 21 (the seed's default). */
    public List<Integer> effectiveActiveHours() {
        if (!activeHours.isEmpty()) {
            return activeHours;
        }
        List<Integer> hours = new ArrayList<>();
        for (int hour = 9; hour <= 21; hour++) {
            hours.add(hour);
        }
        return hours;
    }

    /** A copy with marketing consent on a channel withdrawn, for example after an unsubscribe. */
    public Profile withoutConsent(Channel channel) {
        return new Profile(firstName, email, phone, pushToken, locale, zone, preferredChannel,
                consentMask & ~channel.bit(), activeHours, notes);
    }

    /** A copy with the channel's contact point marked unusable, for example after a hard bounce. */
    public Profile withUnusableContact(Channel channel, String why) {
        return switch (channel) {
            case EMAIL -> new Profile(firstName, email.invalidated(why), phone, pushToken, locale, zone,
                    preferredChannel, consentMask, activeHours, notes);
            case SMS -> new Profile(firstName, email, phone.invalidated(why), pushToken, locale, zone,
                    preferredChannel, consentMask, activeHours, notes);
            case PUSH -> new Profile(firstName, email, phone, pushToken.invalidated(why), locale, zone,
                    preferredChannel, consentMask, activeHours, notes);
            case IN_APP, WEBHOOK -> this;
        };
    }

    /**
     * Applies Segment {@code identify} traits. Keys are matched ignoring case and underscores, so
     * {@code first_name} and {@code firstName} are the same. Read:
     * <ul>
     *   <li>{@code firstName}, {@code email}, {@code phone} (E.164), {@code pushToken} (or {@code pushTokens}, a
     *       list whose last entry is used), {@code locale} (or {@code language}), {@code timezone} (IANA name),
     *       {@code preferredChannel};
     *   <li>{@code consent}: a map from channel name to {@code true}/{@code false} for marketing consent, for
     *       example {@code {"email": true, "sms": false}}; {@code unsubscribed: true} withdraws all of it;
     *   <li>{@code activeHours}: a list of local hours 0 to 23.
     * </ul>
     * A bad value never fails: an invalid email or phone is kept and marked unusable, an unknown time zone or
     * channel name is ignored; each such problem is added to {@link #notes()}. Other traits are ignored.
     *
     * <p>Traits are applied in a fixed order, by normalised key (then by key as given), whatever the map's own
     * order, so the same traits always give the same profile; {@code unsubscribed} sorts after {@code consent}, so
     * a withdrawal in the same call wins.
     */
    public Profile withTraits(Map<String, Object> traits) {
        Builder builder = new Builder(this);
        List<Map.Entry<String, Object>> ordered = new ArrayList<>(traits.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, Object> trait) -> normalised(trait.getKey()))
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Object> trait : ordered) {
            builder.apply(normalised(trait.getKey()), trait.getValue());
        }
        return builder.build();
    }

    private static String normalised(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Collects one update; kept apart so that {@link Profile} stays a plain value. */
    private static final class Builder {
        private String firstName;
        private ContactPoint email;
        private ContactPoint phone;
        private ContactPoint pushToken;
        private String locale;
        private ZoneId zone;
        private String preferredChannel;
        private int consentMask;
        private List<Integer> activeHours;
        private final List<String> notes;

        Builder(Profile from) {
            firstName = from.firstName;
            email = from.email;
            phone = from.phone;
            pushToken = from.pushToken;
            locale = from.locale;
            zone = from.zone;
            preferredChannel = from.preferredChannel;
            consentMask = from.consentMask;
            activeHours = from.activeHours;
            notes = new ArrayList<>(from.notes);
        }

        void apply(String key, Object value) {
            switch (key) {
                case "firstname" -> firstName = text(value);
                case "email" -> email = noted(ContactPoint.email(text(value)));
                case "phone" -> phone = noted(ContactPoint.phone(text(value)));
                case "pushtoken" -> pushToken = noted(ContactPoint.pushToken(text(value)));
                case "pushtokens" -> {
                    if (value instanceof List<?> tokens && !tokens.isEmpty()) {
                        pushToken = noted(ContactPoint.pushToken(text(tokens.get(tokens.size() - 1))));
                    } else if (value == null || value instanceof List<?>) {
                        pushToken = ContactPoint.NONE;
                    } else {
                        pushToken = noted(ContactPoint.pushToken(text(value)));
                    }
                }
                case "locale", "language" -> locale = text(value).replace('_', '-');
                case "timezone" -> zone(text(value));
                case "preferredchannel" -> preferred(text(value));
                case "consent" -> consent(value);
                case "unsubscribed" -> {
                    if (Boolean.TRUE.equals(value) || "true".equals(value)) {
                        consentMask = 0;
                    }
                }
                case "activehours" -> activeHours(value);
                default -> {
                    // Other traits are the shop's own; the core does not read them.
                }
            }
        }

        private ContactPoint noted(ContactPoint point) {
            if (!point.problem().isEmpty()) {
                note(point.problem());
            }
            return point;
        }

        private void zone(String name) {
            if (name.isEmpty()) {
                zone = null;
                return;
            }
            try {
                zone = ZoneId.of(name);
            } catch (DateTimeException e) {
                note("unknown time zone \"" + name + "\"; the default is used");
            }
        }

        private void preferred(String name) {
            preferredChannel = name;
            if (!name.isEmpty() && Channel.find(name).isEmpty()) {
                note("preferred channel \"" + name + "\" is not a channel Herald has");
            }
        }

        private void consent(Object value) {
            if (!(value instanceof Map<?, ?> consents)) {
                note("consent must be a map of channel to true/false, got " + value);
                return;
            }
            for (Map.Entry<?, ?> entry : consents.entrySet()) {
                Optional<Channel> channel = Channel.find(String.valueOf(entry.getKey()));
                if (channel.isEmpty()) {
                    note("consent names unknown channel \"" + entry.getKey() + "\"");
                    continue;
                }
                Object granted = entry.getValue();
                if (Boolean.TRUE.equals(granted) || "true".equals(granted)) {
                    consentMask |= channel.get().bit();
                } else if (Boolean.FALSE.equals(granted) || "false".equals(granted) || granted == null) {
                    consentMask &= ~channel.get().bit();
                } else {
                    note("consent for " + channel.get() + " must be true or false, got " + granted);
                }
            }
        }

        private void activeHours(Object value) {
            if (!(value instanceof List<?> hours)) {
                note("activeHours must be a list of hours 0 to 23, got " + value);
                return;
            }
            List<Integer> parsed = new ArrayList<>();
            for (Object hour : hours) {
                if (hour instanceof Number number && number.intValue() >= 0 && number.intValue() <= 23) {
                    parsed.add(number.intValue());
                } else {
                    note("activeHours must hold hours 0 to 23, got " + hour);
                    return;
                }
            }
            activeHours = parsed;
        }

        private void note(String problem) {
            notes.add(problem);
            while (notes.size() > MAX_NOTES) {
                notes.remove(0);
            }
        }

        private static String text(Object value) {
            return value == null ? "" : String.valueOf(value).trim();
        }

        Profile build() {
            return new Profile(firstName, email, phone, pushToken, locale, zone, preferredChannel, consentMask,
                    activeHours, notes);
        }
    }
}
