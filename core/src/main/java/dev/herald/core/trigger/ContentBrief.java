package dev.herald.core.trigger;

import java.util.List;
import java.util.Objects;

/**
 * What the writer is asked to say for a trigger.
 *
 * @param goal what the message should achieve, in the marketer's words
 * @param tone how it should sound
 * @param callToAction the button or link text intent, for example "return to your cart"
 * @param allowedClaims offers the message may make beyond the event's facts (for example a promo code); every
 *     price, discount or code in a message must come from the event or from this list
 */
public record ContentBrief(String goal, String tone, String callToAction, List<String> allowedClaims) {

    public ContentBrief {
        Objects.requireNonNull(goal, "goal");
        tone = Objects.requireNonNullElse(tone, "");
        callToAction = Objects.requireNonNullElse(callToAction, "");
        allowedClaims = List.copyOf(allowedClaims);
    }
}
