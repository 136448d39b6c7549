package dev.herald.core.policy;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Reason;
import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exploration baseline: uniform over every eligible (channel, send slot, variant). Send slots are the start of
 * the window and every hour after it up to the window's end (at most {@value #MAX_SLOTS}), minus the slots inside
 * the channel's quiet hours. The propensity of the chosen action is one over the number of actions.
 */
public final class RandomPolicy implements Policy {

    static final int MAX_SLOTS = 168;

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public PolicyChoice choose(PolicyRequest request) {
        List<Action> actions = new ArrayList<>();
        List<String> variants = request.trigger().variants();
        for (Channel channel : request.channels()) {
            for (Instant slot : slots(request.windowStart(), request.windowEnd())) {
                if (request.allows(channel, slot)) {
                    for (String variant : variants) {
                        actions.add(new Action(channel, slot, variant));
                    }
                }
            }
        }
        if (actions.isEmpty()) {
            return new PolicyChoice.Declined(Reason.NO_SEND_SLOT,
                    "every slot of every eligible channel is in quiet hours");
        }
        Action chosen = actions.get(new SplittableRandom(request.seed()).nextInt(actions.size()));
        return new PolicyChoice.Chosen(chosen, 1.0 / actions.size(),
                "uniform over " + actions.size() + " actions (" + request.channels().size() + " channels, hourly "
                        + "slots, " + variants.size() + " variants)");
    }

    private static List<Instant> slots(Instant start, Instant end) {
        List<Instant> slots = new ArrayList<>();
        for (Instant slot = start; !slot.isAfter(end) && slots.size() < MAX_SLOTS;
                slot = slot.plus(Duration.ofHours(1))) {
            slots.add(slot);
        }
        return slots;
    }
}
