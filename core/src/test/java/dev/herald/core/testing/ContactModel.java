package dev.herald.core.testing;

import dev.herald.core.event.Engagement;
import dev.herald.core.event.Identify;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test's own model of how reachable a user is, written from the documented trait and engagement rules (not from
 * {@link Profile}'s code) for the values {@link RandomShopLog} generates: which channels have a usable contact
 * point, which have marketing consent, and the user's time zone.
 */
public final class ContactModel {

    private enum Point {
        NONE,
        USABLE,
        UNUSABLE
    }

    private static final Set<Channel> ADDRESSED = EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.PUSH);

    private final Map<Channel, Point> points = new EnumMap<>(Channel.class);
    private final Set<Channel> consent = EnumSet.noneOf(Channel.class);
    private ZoneId zone;

    /** A user starting with the engine's new-user profile (assumed reachable, or empty). */
    public ContactModel(Profile start) {
        for (Channel channel : ADDRESSED) {
            points.put(channel, start.contactFor(channel).isUsable() ? Point.USABLE : Point.NONE);
        }
        for (Channel channel : Channel.values()) {
            if (start.hasMarketingConsent(channel)) {
                consent.add(channel);
            }
        }
        zone = start.zone();
    }

    /** Whether the channel has a usable address: in-app and webhook always have. */
    public boolean usable(Channel channel) {
        return !ADDRESSED.contains(channel) || points.get(channel) == Point.USABLE;
    }

    public boolean consents(Channel channel) {
        return consent.contains(channel);
    }

    /** The user's zone, or empty for the engine's default. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /** A short state, for failure messages. */
    public String describe() {
        return "contact " + points + ", consent " + consent + ", zone " + zone;
    }

    public void apply(Identify identify) {
        for (Map.Entry<String, Object> trait : identify.traits().entrySet()) {
            String key = trait.getKey().replace("_", "").toLowerCase(Locale.ROOT);
            Object value = trait.getValue();
            switch (key) {
                case "email" -> points.put(Channel.EMAIL, classify(value, RandomShopLog.VALID_EMAILS));
                case "phone" -> points.put(Channel.SMS, classify(value, RandomShopLog.VALID_PHONES));
                case "pushtoken" -> points.put(Channel.PUSH, classify(value, RandomShopLog.PUSH_TOKENS));
                case "pushtokens" -> points.put(Channel.PUSH, value instanceof List<?> tokens && !tokens.isEmpty()
                        ? classify(tokens.get(tokens.size() - 1), RandomShopLog.PUSH_TOKENS) : Point.NONE);
                case "unsubscribed" -> {
                    if (Boolean.TRUE.equals(value) || "true".equals(value)) {
                        consent.clear();
                    }
                }
                case "consent" -> {
                    if (value instanceof Map<?, ?> map) {
                        map.forEach((name, granted) -> channel(String.valueOf(name)).ifPresent(channel -> {
                            if (Boolean.TRUE.equals(granted) || "true".equals(granted)) {
                                consent.add(channel);
                            } else if (Boolean.FALSE.equals(granted) || "false".equals(granted)) {
                                consent.remove(channel);
                            }
                        }));
                    }
                }
                case "timezone" -> {
                    String name = String.valueOf(value);
                    if (name.isEmpty()) {
                        zone = null;
                    } else {
                        try {
                            zone = ZoneId.of(name);
                        } catch (DateTimeException ignored) {
                            // An unknown zone is ignored: the previous one stays.
                        }
                    }
                }
                default -> {
                    // Not about reachability.
                }
            }
        }
    }

    /**
     * Applies an engagement report.
     *
     * @param messageChannel the channel of the sent message the report names, when the user was sent one with that
     *     id before the report
     */
    public void apply(Engagement engagement, Optional<Channel> messageChannel) {
        Optional<Channel> channel = engagement.findChannel().or(() -> messageChannel);
        switch (engagement.engagement()) {
            case UNSUBSCRIBED -> {
                if (channel.isPresent()) {
                    consent.remove(channel.get());
                } else {
                    consent.clear();
                }
            }
            case BOUNCED -> channel.filter(ADDRESSED::contains).ifPresent(c -> {
                if (points.get(c) != Point.NONE) {
                    points.put(c, Point.UNUSABLE);
                }
            });
            default -> {
                // Opens, clicks and delivery reports do not change reachability.
            }
        }
    }

    private static Point classify(Object value, List<String> valid) {
        String text = String.valueOf(value);
        return text.isEmpty() ? Point.NONE : valid.contains(text) ? Point.USABLE : Point.UNUSABLE;
    }

    /** The channel names consent maps may use: keys, any case, with a hyphen or without the underscore. */
    private static Optional<Channel> channel(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Channel channel : Channel.values()) {
            if (channel.key().equals(wanted) || channel.key().replace("_", "-").equals(wanted)
                    || channel.key().replace("_", "").equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
