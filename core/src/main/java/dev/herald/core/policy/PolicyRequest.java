package dev.herald.core.policy;

import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.profile.Channel;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy is asked to decide: a trigger occurrence for a user, the channels that passed eligibility and
 * fatigue (in the trigger's order), the send window, the user's time zone and each channel's quiet hours.
 *
 * @param windowStart the earliest send time (the firing time, or later when spacing requires it)
 * @param windowEnd the latest send time (firing time plus the trigger's urgency)
 * @param quietHours quiet hours per channel; channels not listed have none. Empty when the trigger ignores them
 * @param seed a per-decision seed for randomised policies, stable across replays
 */
public record PolicyRequest(
        String decisionId,
        TriggerDefinition trigger,
        Occurrence occurrence,
        UserState user,
        List<Channel> channels,
        Instant windowStart,
        Instant windowEnd,
        ZoneId zone,
        Map<Channel, QuietHours> quietHours,
        long seed) {

    public PolicyRequest {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(user, "user");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one eligible channel");
        }
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("send window ends before it starts: " + windowStart + " > "
                    + windowEnd);
        }
        Objects.requireNonNull(zone, "zone");
        quietHours = Map.copyOf(quietHours);
    }

    /** The quiet hours of a channel for this request, if any. */
    public Optional<QuietHours> quietFor(Channel channel) {
        return Optional.ofNullable(quietHours.get(channel));
    }

    /**
     * Moves a wished-for send time into the window and out of the channel's quiet hours: a time inside quiet hours
     * moves to the end of the quiet span, or, when that is past the window, to just before its start.
     *
     * @return the adjusted time, or empty when the channel has no allowed time near the wish within the window
     */
    public Optional<Instant> fit(Channel channel, Instant wish) {
        Instant time = wish.isBefore(windowStart) ? windowStart : wish.isAfter(windowEnd) ? windowEnd : wish;
        Optional<QuietHours> quiet = quietFor(channel);
        if (quiet.isEmpty() || !quiet.get().contains(time, zone)) {
            return Optional.of(time);
        }
        Instant after = quiet.get().endOfSpan(time, zone);
        if (!after.isAfter(windowEnd)) {
            return Optional.of(after);
        }
        Instant before = quiet.get().beforeSpan(time, zone);
        if (!before.isBefore(windowStart)) {
            return Optional.of(before);
        }
        return Optional.empty();
    }

    /** Whether the channel may send at that time (outside its quiet hours). */
    public boolean allows(Channel channel, Instant time) {
        Optional<QuietHours> quiet = quietFor(channel);
        return quiet.isEmpty() || !quiet.get().contains(time, zone);
    }
}
