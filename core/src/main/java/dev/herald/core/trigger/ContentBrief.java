package dev.herald.core.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the writer is asked to say for a trigger.
 *
 * @param goal what the message should achieve, in the marketer's words
 * @param tone how it should sound
 * @param callToAction the button or link text intent, for example "return to your cart"
 * @param allowedClaims offers the message may make beyond the event's facts (for example a promo code); every
 *     price, discount or code in a message must come from the event or from this list
 * @param userFacts the user facts the wording may depend on ({@link UserFact}); each one splits the content cache,
 *     so a brief names only those it needs
 * @param variantAngles for content variants, what each one stresses (variant name to angle); a variant not named
 *     here is written from the brief alone
 */
public record ContentBrief(
        String goal,
        String tone,
        String callToAction,
        List<String> allowedClaims,
        List<UserFact> userFacts,
        Map<String, String> variantAngles) {

    /** A user fact a brief may ask the writer to take into account. */
    public enum UserFact {
        /** How many orders the user has made: none yet, one, a few, many. */
        ORDER_COUNT("order_count"),
        /** The user's average order value, in broad bands. */
        AVERAGE_ORDER_VALUE("average_order_value");

        private final String key;

        UserFact(String key) {
            this.key = key;
        }

        /** The name used in trigger files. */
        public String key() {
            return key;
        }
    }

    public ContentBrief {
        Objects.requireNonNull(goal, "goal");
        tone = Objects.requireNonNullElse(tone, "");
        callToAction = Objects.requireNonNullElse(callToAction, "");
        allowedClaims = List.copyOf(allowedClaims);
        userFacts = List.copyOf(userFacts);
        variantAngles = Map.copyOf(variantAngles);
    }

    /** A brief with no user facts and no variant angles. */
    public ContentBrief(String goal, String tone, String callToAction, List<String> allowedClaims) {
        this(goal, tone, callToAction, allowedClaims, List.of(), Map.of());
    }

    /** What the given variant stresses, or {@code ""}. */
    public String angleOf(String variant) {
        return variantAngles.getOrDefault(variant, "");
    }
}
