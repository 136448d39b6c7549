package dev.herald.writer.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a draft may state: the facts the prompt gave the model, and the placeholders it may use for the facts that
 * are filled in per user after generation.
 *
 * @param texts texts the draft may quote verbatim (product names, brands, categories, the shop's name); numbers
 *     inside them are not claims of their own
 * @param placeholders the placeholder names the draft may use, written {@code {{name}}} in the draft, each with
 *     the value it stands for in this message (used to check lengths, links and segments as the user will see them)
 * @param allowedClaims the trigger brief's allowed claims (a promo code, "free shipping"); numbers, percentages,
 *     codes and offer words found in them are allowed
 * @param numbers numbers the draft may state as bare numbers (item counts, quantities)
 * @param priceDrop whether the message is about a price drop, so that price-drop wording ("now cheaper", "скидка")
 *     is a fact rather than an invented offer
 * @param otherProductNames names of other products the shop sells; naming one of them is inventing
 */
public record FactSheet(
        List<String> texts,
        Map<String, String> placeholders,
        List<String> allowedClaims,
        Set<String> numbers,
        boolean priceDrop,
        Set<String> otherProductNames) {

    public FactSheet {
        texts = List.copyOf(texts);
        placeholders = Map.copyOf(placeholders);
        allowedClaims = List.copyOf(allowedClaims);
        numbers = Set.copyOf(numbers);
        otherProductNames = Set.copyOf(otherProductNames);
        Objects.requireNonNull(texts);
    }
}
