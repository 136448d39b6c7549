package dev.herald.core.policy;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Reason;
import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's rules, kept as the baseline that learning is measured against, with the seed's flaws fixed.
 *
 * <p>Channel: the user's preferred channel when it is eligible; otherwise the eligible channel with the highest
 * effectiveness for the trigger in the seed's table. Send time: the seed's delay after the entry event (abandoned
 * cart 1.5 h, price drop 0.1 h, inactivity 24 h when 9 o'clock is among the user's active hours and 48 h when not,
 * anything else 2 h), counted from the firing instead when the trigger's wait already outlasts the delay (seven
 * quiet days are detected only when they have passed), and kept inside the trigger's send window. Variant: the
 * trigger's first.
 *
 * <p>Fixes: an unknown or unusable preferred channel falls back to the table instead of failing; only eligible
 * channels (consent, valid contact, caps) are chosen; in-app and webhook have table values so they can be chosen;
 * a time in the user's quiet hours moves to the edge of the quiet span (and when no time fits, the next channel is
 * tried); times are in the user's time zone.
 */
public final class SeedPolicy implements Policy {

    /** The seed's effectiveness table, with the in-app and webhook columns it lacked. */
    private static final Map<String, Map<Channel, Double>> EFFECTIVENESS = Map.of(
            "abandoned_cart", row(0.15, 0.08, 0.12, 0.05),
            "inactivity", row(0.05, 0.06, 0.04, 0.03),
            "price_drop", row(0.10, 0.12, 0.08, 0.06),
            "order_shipped", row(0.20, 0.18, 0.25, 0.10));

    /** "Anything else": the seed had email only, at 0.10; the others rank below it. */
    private static final Map<Channel, Double> OTHER = row(0.10, 0.02, 0.02, 0.02);

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public PolicyChoice choose(PolicyRequest request) {
        String triggerId = request.trigger().id();
        Duration delay = delay(request);
        Instant anchor = request.occurrence().anchor();
        Instant base = anchor.plus(delay).isBefore(request.occurrence().firedAt()) ? request.occurrence().firedAt()
                : anchor;
        Instant wish = base.plus(delay);
        List<String> notes = new ArrayList<>();
        for (Channel channel : ranked(request, notes)) {
            Optional<Instant> slot = request.fit(channel, wish);
            if (slot.isEmpty()) {
                notes.add(channel + ": quiet hours cover the whole window");
                continue;
            }
            String why = notes.isEmpty() ? "" : String.join("; ", notes) + "; ";
            Instant clamped = clamp(request, wish);
            String timing = slot.get().equals(wish) ? ""
                    : slot.get().equals(clamped) ? ", kept inside the send window at " + slot.get()
                            : ", moved out of " + channel + " quiet hours to " + slot.get();
            return new PolicyChoice.Chosen(new Action(channel, slot.get(), request.trigger().variants().get(0)), 1.0,
                    why + channelReason(request, channel, triggerId) + "; send " + delayText(delay) + " after "
                            + (base.equals(anchor) ? "the entry event" : "firing") + timing);
        }
        return new PolicyChoice.Declined(Reason.NO_SEND_SLOT, String.join("; ", notes));
    }

    private static Instant clamp(PolicyRequest request, Instant wish) {
        return wish.isBefore(request.windowStart()) ? request.windowStart()
                : wish.isAfter(request.windowEnd()) ? request.windowEnd() : wish;
    }

    private static String channelReason(PolicyRequest request, Channel channel, String triggerId) {
        if (request.user().profile().findPreferredChannel().filter(channel::equals).isPresent()) {
            return channel + ": the user's preferred channel";
        }
        return channel + ": highest effectiveness for " + triggerId + " among eligible ("
                + effectiveness(triggerId, channel) + ")";
    }

    /** The eligible channels, preferred first, then by effectiveness; notes why the preferred one is not first. */
    private static List<Channel> ranked(PolicyRequest request, List<String> notes) {
        String triggerId = request.trigger().id();
        List<Channel> ranked = new ArrayList<>(request.channels());
        ranked.sort(Comparator.comparingDouble((Channel c) -> -effectiveness(triggerId, c))
                .thenComparing(Channel::ordinal));
        String preferred = request.user().profile().preferredChannel();
        if (!preferred.isEmpty()) {
            Optional<Channel> channel = Channel.find(preferred);
            if (channel.isEmpty()) {
                notes.add("preferred channel \"" + preferred + "\" is unknown");
            } else if (!ranked.contains(channel.get())) {
                notes.add("preferred channel " + channel.get() + " is not eligible");
            } else {
                ranked.remove(channel.get());
                ranked.add(0, channel.get());
            }
        }
        return ranked;
    }

    static double effectiveness(String triggerId, Channel channel) {
        return EFFECTIVENESS.getOrDefault(triggerId, OTHER).getOrDefault(channel, 0.01);
    }

    private static Duration delay(PolicyRequest request) {
        return switch (request.trigger().id()) {
            case "abandoned_cart" -> Duration.ofMinutes(90);
            case "price_drop" -> Duration.ofMinutes(6);
            case "inactivity" -> request.user().profile().effectiveActiveHours().contains(9)
                    ? Duration.ofHours(24) : Duration.ofHours(48);
            default -> Duration.ofHours(2);
        };
    }

    private static String delayText(Duration delay) {
        long minutes = delay.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private static Map<Channel, Double> row(double email, double push, double sms, double inApp) {
        Map<Channel, Double> row = new EnumMap<>(Channel.class);
        row.put(Channel.EMAIL, email);
        row.put(Channel.PUSH, push);
        row.put(Channel.SMS, sms);
        row.put(Channel.IN_APP, inApp);
        row.put(Channel.WEBHOOK, 0.01);
        return Map.copyOf(row);
    }
}
