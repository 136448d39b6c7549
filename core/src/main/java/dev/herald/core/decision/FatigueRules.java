package dev.herald.core.decision;

import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much marketing a user may receive. Transactional messages bypass these rules.
 *
 * @param window the rolling window caps count in (default 7 days)
 * @param weeklyCap at most this many marketing messages in any window (default 4)
 * @param minSpacing at least this long between two marketing messages (default 16 hours)
 * @param channelCaps per-channel maxima in the window; a channel not listed has only the overall cap
 * @param ignoreAfter the "ignores us" rule: this many received in the window with no open and no click stops
 *     marketing (default 3, the seed's rule); 0 turns the rule off
 */
public record FatigueRules(
        Duration window, int weeklyCap, Duration minSpacing, Map<Channel, Integer> channelCaps, int ignoreAfter) {

    /** The defaults: 4 a week, 16 hours apart, SMS 2 and push 3 a week, and the seed's "ignores us" rule. */
    public static final FatigueRules DEFAULTS = new FatigueRules(Duration.ofDays(7), 4, Duration.ofHours(16),
            Map.of(Channel.SMS, 2, Channel.PUSH, 3), 3);

    public FatigueRules {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("fatigue window must be positive, got " + window);
        }
        if (weeklyCap < 1) {
            throw new IllegalArgumentException("weekly cap must be at least 1, got " + weeklyCap);
        }
        Objects.requireNonNull(minSpacing, "minSpacing");
        if (minSpacing.isNegative()) {
            throw new IllegalArgumentException("minimum spacing must not be negative, got " + minSpacing);
        }
        channelCaps = channelCaps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(channelCaps));
        channelCaps.forEach((channel, cap) -> {
            if (cap < 0) {
                throw new IllegalArgumentException("cap for " + channel + " must not be negative, got " + cap);
            }
        });
        if (ignoreAfter < 0) {
            throw new IllegalArgumentException("ignoreAfter must not be negative, got " + ignoreAfter);
        }
    }

    /** The cap for a channel, or the overall cap when it has none of its own. */
    public int capFor(Channel channel) {
        return channelCaps.getOrDefault(channel, weeklyCap);
    }
}
