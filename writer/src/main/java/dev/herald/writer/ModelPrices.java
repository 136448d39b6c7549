package dev.herald.writer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * List prices of common models, in US dollars per million tokens, for the cost estimate in the metrics. A model not
 * listed here costs what the configuration says ({@code writer.price_input}, {@code writer.price_output}), else 0.
 *
 * @param input dollars per million prompt tokens
 * @param output dollars per million reply tokens
 */
public record ModelPrices(double input, double output) {

    /** Prices as the providers publish them; a model name matches when it starts with the key. */
    private static final Map<String, ModelPrices> KNOWN = Map.of(
            "claude-haiku-4-5", new ModelPrices(1.0, 5.0),
            "claude-sonnet-4-5", new ModelPrices(3.0, 15.0),
            "claude-3-5-haiku", new ModelPrices(0.8, 4.0),
            "gpt-5-mini", new ModelPrices(0.25, 2.0),
            "gpt-5-nano", new ModelPrices(0.05, 0.4),
            "gpt-4.1-mini", new ModelPrices(0.4, 1.6),
            "gpt-4o-mini", new ModelPrices(0.15, 0.6));

    public ModelPrices {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("model prices must not be negative");
        }
    }

    /** The listed prices of a model. */
    public static Optional<ModelPrices> known(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return KNOWN.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    /** What a completion cost, in dollars. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * input + outputTokens * output) / 1_000_000.0;
    }
}
