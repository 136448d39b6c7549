package dev.herald.writer;

import dev.herald.core.content.Written;
import dev.herald.writer.provider.Completion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer's counters, in a Micrometer registry (so {@code /metrics} can show them) and as a snapshot for
 * summaries: messages by source, fallbacks by reason, model calls, tokens, estimated cost, complaints by rule.
 */
public final class WriterMetrics {

    private final MeterRegistry registry;
    private final ModelPrices prices;
    private final Map<Written.Source, Counter> messages = new EnumMap<>(Written.Source.class);
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, Counter> complaints = new ConcurrentHashMap<>();
    private final Counter calls;
    private final Counter tokensIn;
    private final Counter tokensOut;
    private final Counter cost;
    private final Timer hitLatency;
    private final Counter hits;
    private final Counter misses;

    public WriterMetrics(MeterRegistry registry, ModelPrices prices) {
        this.registry = registry;
        this.prices = prices;
        for (Written.Source source : Written.Source.values()) {
            messages.put(source, Counter.builder("herald.writer.messages").tag("source", source.key())
                    .description("messages written, by where their text came from").register(registry));
        }
        this.calls = Counter.builder("herald.llm.calls").description("completions received from the model")
                .register(registry);
        this.tokensIn = Counter.builder("herald.llm.tokens").tag("direction", "in").register(registry);
        this.tokensOut = Counter.builder("herald.llm.tokens").tag("direction", "out").register(registry);
        this.cost = Counter.builder("herald.llm.cost").baseUnit("usd")
                .description("estimated cost of the completions").register(registry);
        this.hits = Counter.builder("herald.writer.cache").tag("result", "hit").register(registry);
        this.misses = Counter.builder("herald.writer.cache").tag("result", "miss").register(registry);
        this.hitLatency = Timer.builder("herald.writer.cached.latency")
                .description("time to write a message from a cached generation").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void message(Written.Source source) {
        messages.get(source).increment();
    }

    void lookup(boolean hit) {
        (hit ? hits : misses).increment();
    }

    void fallback(String reason) {
        fallbacks.computeIfAbsent(reason, r -> Counter.builder("herald.writer.fallbacks").tag("reason", r)
                .register(registry)).increment();
    }

    void providerFailure(String kind) {
        failures.computeIfAbsent(kind, k -> Counter.builder("herald.llm.failures").tag("kind", k)
                .register(registry)).increment();
    }

    void complaint(String rule) {
        complaints.computeIfAbsent(rule, r -> Counter.builder("herald.writer.complaints").tag("rule", r)
                .register(registry)).increment();
    }

    void completion(Completion completion) {
        calls.increment();
        tokensIn.increment(completion.inputTokens());
        tokensOut.increment(completion.outputTokens());
        cost.increment(prices.cost(completion.inputTokens(), completion.outputTokens()));
    }

    void cachedIn(Duration latency) {
        hitLatency.record(latency);
    }

    /** The counters now. */
    public Snapshot snapshot() {
        Map<Written.Source, Long> bySource = new EnumMap<>(Written.Source.class);
        messages.forEach((source, counter) -> bySource.put(source, (long) counter.count()));
        return new Snapshot(bySource, counts(fallbacks), (long) hits.count(), (long) misses.count(),
                (long) calls.count(), counts(failures), (long) tokensIn.count(), (long) tokensOut.count(),
                cost.count(), counts(complaints));
    }

    private static Map<String, Long> counts(Map<String, Counter> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((key, counter) -> out.put(key, (long) counter.count()));
        return out;
    }

    /**
     * The writer's counters at one moment.
     *
     * @param hits content keys found in the cache (a generation, or a recent failure)
     * @param misses content keys that had to be generated
     * @param calls completions received (each model reply, repairs included)
     * @param failures provider calls that ended in a failure, after retries, by kind
     * @param cost estimated dollars
     */
    public record Snapshot(
            Map<Written.Source, Long> messages,
            Map<String, Long> fallbacks,
            long hits,
            long misses,
            long calls,
            Map<String, Long> failures,
            long tokensIn,
            long tokensOut,
            double cost,
            Map<String, Long> complaints) {

        /** Every message written. */
        public long written() {
            return messages.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Of the content keys looked up, the share found in the cache. */
        public double cacheHitRatio() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }

        /** Model calls, failed ones included, per 1,000 messages written. */
        public double callsPerThousand() {
            long all = calls + failures.values().stream().mapToLong(Long::longValue).sum();
            long total = written();
            return total == 0 ? 0 : all * 1000.0 / total;
        }
    }
}
