package dev.herald.writer.provider;

import io.micrometer.core.instrument.MeterRegistry;

/** Makes the {@link LlmClient} the writer uses from its settings. */
public final class Providers {

    private Providers() {}

    /**
     * The provider's client behind retries, a circuit breaker and a concurrency limit, its attempts and latency
     * recorded in {@code registry}.
     */
    public static ResilientClient create(ProviderSettings settings, MeterRegistry registry) {
        return new ResilientClient(new LangChainClient(settings), settings, registry);
    }
}
