package dev.herald.writer.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach a language model and how hard to try: the provider, key, address and model, the limits of one call,
 * the retries, the concurrency limit and the circuit breaker.
 *
 * <p>Start from {@link #defaults(Provider, String)} and change what differs with the {@code with...} methods.
 * A null or blank base URL or model means the provider's default. Bad values are refused with an
 * {@link IllegalArgumentException} that names the setting.
 *
 * @param provider which wire protocol to speak
 * @param apiKey the API key; required for Anthropic, may be blank for OpenAI-compatible local servers
 * @param baseUrl the API's base URL, including the version path, for example {@value #OPENAI_BASE_URL}
 * @param model the model name sent with every request
 * @param timeout how long one call may take, and how long a caller waits for a free slot
 * @param maxOutputTokens the most tokens the reply may have
 * @param maxAttempts how many calls one completion may make, the first included
 * @param backoffBase the wait before the first retry; it doubles (with jitter) for every further retry
 * @param backoffMax the longest wait between retries
 * @param concurrency how many calls may be in flight at once
 * @param circuit when the circuit breaker opens and for how long
 * @param structuredOutput for OpenAI, ask for a strict JSON schema with the reply fields (else any JSON object);
 *     Anthropic is asked for JSON by the prompt alone
 */
public record ProviderSettings(
        Provider provider,
        String apiKey,
        String baseUrl,
        String model,
        Duration timeout,
        int maxOutputTokens,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        int concurrency,
        Circuit circuit,
        boolean structuredOutput) {

    /** Anthropic's Messages API base URL. */
    public static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1";
    /** OpenAI's API base URL. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** The model used with Anthropic when none is given. */
    public static final String ANTHROPIC_MODEL = "claude-haiku-4-5";
    /** The model used with OpenAI when none is given. */
    public static final String OPENAI_MODEL = "gpt-5-mini";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(8);
    public static final int DEFAULT_CONCURRENCY = 8;

    /** The wire protocols spoken. */
    public enum Provider {
        /** Anthropic's Messages API. */
        ANTHROPIC(ANTHROPIC_BASE_URL, ANTHROPIC_MODEL),
        /** OpenAI's Chat Completions API, also spoken by Ollama, vLLM, LM Studio and others (set the base URL). */
        OPENAI(OPENAI_BASE_URL, OPENAI_MODEL);

        private final String defaultBaseUrl;
        private final String defaultModel;

        Provider(String defaultBaseUrl, String defaultModel) {
            this.defaultBaseUrl = defaultBaseUrl;
            this.defaultModel = defaultModel;
        }

        public String defaultBaseUrl() {
            return defaultBaseUrl;
        }

        public String defaultModel() {
            return defaultModel;
        }

        /** The provider as written in configuration and logs: {@code anthropic}, {@code openai}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * When the circuit breaker opens: after at least {@code failureRatePercent} percent of the last
     * {@code windowSize} calls failed, once {@code minimumCalls} calls were made; it then stays open for
     * {@code openFor} before letting trial calls through.
     */
    public record Circuit(int failureRatePercent, int windowSize, int minimumCalls, Duration openFor) {

        /** Open after 50% failures over the last 20 calls (at least 10 calls), for 30 seconds. */
        public static final Circuit DEFAULT = new Circuit(50, 20, 10, Duration.ofSeconds(30));

        public Circuit {
            require(failureRatePercent >= 1 && failureRatePercent <= 100, "circuit.failureRatePercent",
                    "must be between 1 and 100", failureRatePercent);
            require(windowSize >= 1, "circuit.windowSize", "must be at least 1", windowSize);
            require(minimumCalls >= 1 && minimumCalls <= windowSize, "circuit.minimumCalls",
                    "must be between 1 and the window size " + windowSize, minimumCalls);
            requirePositive(openFor, "circuit.openFor");
        }
    }

    public ProviderSettings {
        require(provider != null, "provider", "is required", null);
        apiKey = apiKey == null ? "" : apiKey.strip();
        require(provider != Provider.ANTHROPIC || !apiKey.isEmpty(), "apiKey", "is required for Anthropic", null);
        baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : checkedBaseUrl(baseUrl.strip());
        model = model == null || model.isBlank() ? provider.defaultModel() : model.strip();
        requirePositive(timeout, "timeout");
        require(maxOutputTokens >= 1, "maxOutputTokens", "must be at least 1", maxOutputTokens);
        require(maxAttempts >= 1, "maxAttempts", "must be at least 1", maxAttempts);
        requirePositive(backoffBase, "backoffBase");
        require(backoffBase.toMillis() >= 1, "backoffBase", "must be at least 1ms", backoffBase);
        requirePositive(backoffMax, "backoffMax");
        require(backoffMax.compareTo(backoffBase) >= 0, "backoffMax", "must not be below backoffBase " + backoffBase,
                backoffMax);
        require(concurrency >= 1, "concurrency", "must be at least 1", concurrency);
        require(circuit != null, "circuit", "is required", null);
    }

    /** The provider's default address and model, with the default limits, retries and circuit breaker. */
    public static ProviderSettings defaults(Provider provider, String apiKey) {
        return new ProviderSettings(provider, apiKey, null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT_TOKENS,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_CONCURRENCY, Circuit.DEFAULT,
                true);
    }

    public ProviderSettings withApiKey(String newApiKey) {
        return new ProviderSettings(provider, newApiKey, baseUrl, model, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    /** A copy with another base URL; null or blank means the provider's default. */
    public ProviderSettings withBaseUrl(String newBaseUrl) {
        return new ProviderSettings(provider, apiKey, newBaseUrl, model, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    /** A copy with another model; null or blank means the provider's default. */
    public ProviderSettings withModel(String newModel) {
        return new ProviderSettings(provider, apiKey, baseUrl, newModel, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    public ProviderSettings withTimeout(Duration newTimeout) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, newTimeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    public ProviderSettings withMaxOutputTokens(int newMaxOutputTokens) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, newMaxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    public ProviderSettings withMaxAttempts(int newMaxAttempts) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, maxOutputTokens, newMaxAttempts,
                backoffBase, backoffMax, concurrency, circuit, structuredOutput);
    }

    /** A copy with other waits between retries: the first wait, and the longest. */
    public ProviderSettings withBackoff(Duration newBackoffBase, Duration newBackoffMax) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, maxOutputTokens, maxAttempts,
                newBackoffBase, newBackoffMax, concurrency, circuit, structuredOutput);
    }

    public ProviderSettings withConcurrency(int newConcurrency) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, newConcurrency, circuit, structuredOutput);
    }

    public ProviderSettings withCircuit(Circuit newCircuit) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, newCircuit, structuredOutput);
    }

    public ProviderSettings withStructuredOutput(boolean newStructuredOutput) {
        return new ProviderSettings(provider, apiKey, baseUrl, model, timeout, maxOutputTokens, maxAttempts,
                backoffBase, backoffMax, concurrency, circuit, newStructuredOutput);
    }

    /** Whether the base URL is the provider's own service rather than a compatible server. */
    public boolean defaultBaseUrl() {
        return baseUrl.equals(provider.defaultBaseUrl());
    }

    /** The settings with the API key hidden, so that they can be logged. */
    @Override
    public String toString() {
        return "ProviderSettings[provider=" + provider.code() + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***")
                + ", baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", maxOutputTokens="
                + maxOutputTokens + ", maxAttempts=" + maxAttempts + ", backoffBase=" + backoffBase
                + ", backoffMax=" + backoffMax + ", concurrency=" + concurrency + ", circuit=" + circuit
                + ", structuredOutput=" + structuredOutput + "]";
    }

    private static String checkedBaseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
        }
        String scheme = uri.getScheme();
        require(("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null,
                "baseUrl", "must be an http or https URL with a host", url);
        require(uri.getQuery() == null && uri.getFragment() == null, "baseUrl", "must have no query or fragment",
                url);
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static void requirePositive(Duration value, String setting) {
        require(value != null, setting, "is required", null);
        require(value.isPositive(), setting, "must be positive", value);
    }

    private static void require(boolean condition, String setting, String rule, Object value) {
        if (!condition) {
            throw new IllegalArgumentException(
                    "provider setting " + setting + " " + rule + (value == null ? "" : ", got " + value));
        }
    }
}
