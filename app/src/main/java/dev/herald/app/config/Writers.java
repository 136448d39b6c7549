package dev.herald.app.config;

import dev.herald.core.content.ContentWriter;
import dev.herald.core.content.TemplateWriter;
import dev.herald.writer.LlmWriter;
import dev.herald.writer.ModelPrices;
import dev.herald.writer.WriterMetrics;
import dev.herald.writer.WriterSettings;
import dev.herald.writer.provider.LlmClient;
import dev.herald.writer.provider.ProviderSettings;
import dev.herald.writer.provider.Providers;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the content writer the configuration asks for: the LLM writer when {@code writer.provider} names a
 * provider, else the template writer. The start-up log says which, and with what model.
 */
public final class Writers {

    private static final Logger LOG = LoggerFactory.getLogger(Writers.class);

    /** The writer, and its counters when it is the LLM writer. */
    public record Built(ContentWriter writer, Optional<WriterMetrics> metrics, String description)
            implements AutoCloseable {
        @Override
        public void close() {
            if (writer instanceof LlmWriter llm) {
                llm.close();
            }
        }
    }

    private Writers() {}

    /** The shop's settings from the {@code shop} section; {@code shopUrl} overrides {@code shop.url} when given. */
    public static WriterSettings settings(ConfigFile config, Optional<String> shopUrl) {
        String url = shopUrl.or(() -> config.string("shop.url")).orElse("https://shop.example");
        WriterSettings defaults;
        try {
            defaults = WriterSettings.defaults(config.string("shop.name").orElse("Shop"), url);
        } catch (IllegalArgumentException e) {
            throw config.bad("shop.url", e.getMessage());
        }
        try {
            return new WriterSettings(defaults.shopName(), defaults.shopUrl(),
                    Set.copyOf(config.list("shop.link_domains")), Set.copyOf(config.list("shop.image_hosts")),
                    config.integer("writer.sms_segments").orElse(defaults.marketingSmsSegments()),
                    config.duration("writer.cache_ttl").orElse(defaults.cacheTtl()),
                    config.duration("writer.failure_ttl").orElse(defaults.failureTtl()),
                    config.integer("writer.cache_size").map(Integer::longValue).orElse(defaults.cacheSize()),
                    config.duration("writer.generation_timeout").orElse(defaults.generationTimeout()));
        } catch (IllegalArgumentException e) {
            throw config.bad("writer", e.getMessage());
        }
    }

    /**
     * The writer for a configuration.
     *
     * @param environment for the providers' own key variables ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY})
     */
    public static Built build(ConfigFile config, Optional<String> shopUrl, Map<String, String> environment,
            MeterRegistry registry) {
        WriterSettings settings = settings(config, shopUrl);
        Optional<String> provider = config.string("writer.provider").map(p -> p.toLowerCase(Locale.ROOT));
        if (provider.isEmpty() || provider.get().equals("none") || provider.get().equals("template")) {
            TemplateWriter template = new TemplateWriter(settings.shopName(), settings.shopUrl(),
                    settings.marketingSmsSegments());
            String description = "templates (no LLM provider configured: set writer.provider to anthropic or"
                    + " openai)";
            LOG.info("writer: {}", description);
            return new Built(template, Optional.empty(), description);
        }
        ProviderSettings providerSettings = providerSettings(config, provider.get(), environment);
        LlmClient client = Providers.create(providerSettings, registry);
        ModelPrices prices = new ModelPrices(
                config.number("writer.price_input").orElseGet(() -> ModelPrices.known(providerSettings.model())
                        .map(ModelPrices::input).orElse(0.0)),
                config.number("writer.price_output").orElseGet(() -> ModelPrices.known(providerSettings.model())
                        .map(ModelPrices::output).orElse(0.0)));
        WriterMetrics metrics = new WriterMetrics(registry, prices);
        String description = providerSettings.provider().code() + " " + providerSettings.model() + " at "
                + providerSettings.baseUrl() + ", templates as fallback";
        LOG.info("writer: {}", description);
        return new Built(new LlmWriter(client, settings, metrics), Optional.of(metrics), description);
    }

    private static ProviderSettings providerSettings(ConfigFile config, String name, Map<String, String> env) {
        ProviderSettings.Provider provider = switch (name) {
            case "anthropic" -> ProviderSettings.Provider.ANTHROPIC;
            case "openai", "openai-compatible", "ollama", "vllm" -> ProviderSettings.Provider.OPENAI;
            default -> throw config.bad("writer.provider", "unknown provider \"" + name
                    + "\"; use anthropic, openai (also for OpenAI-compatible servers) or none");
        };
        String key = config.string("writer.api_key").orElseGet(() -> env.getOrDefault(
                provider == ProviderSettings.Provider.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY", ""));
        try {
            ProviderSettings settings = ProviderSettings.defaults(provider, key)
                    .withBaseUrl(config.string("writer.base_url").orElse(null))
                    .withModel(config.string("writer.model").orElse(null));
            settings = config.duration("writer.timeout").map(settings::withTimeout).orElse(settings);
            settings = config.integer("writer.max_attempts").map(settings::withMaxAttempts).orElse(settings);
            settings = config.integer("writer.concurrency").map(settings::withConcurrency).orElse(settings);
            return config.bool("writer.structured_output").map(settings::withStructuredOutput).orElse(settings);
        } catch (IllegalArgumentException e) {
            throw config.bad("writer", e.getMessage()
                    + (key.isEmpty() ? " (set writer.api_key, HERALD_WRITER_API_KEY or the provider's own"
                            + " ANTHROPIC_API_KEY / OPENAI_API_KEY)" : ""));
        }
    }
}
