package dev.herald.writer.provider;

import java.util.Objects;

/**
 * The model's reply and what it cost.
 *
 * @param text the reply's text (expected to be one JSON object)
 * @param inputTokens tokens billed for the prompt, 0 when the provider did not say
 * @param outputTokens tokens billed for the reply, 0 when the provider did not say
 * @param model the model that answered, as the provider named it
 */
public record Completion(String text, int inputTokens, int outputTokens, String model) {

    public Completion {
        Objects.requireNonNull(text, "text");
        model = Objects.requireNonNullElse(model, "");
    }
}
