package dev.herald.writer;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.herald.core.content.ContentWriter;
import dev.herald.core.content.MessageContent;
import dev.herald.core.content.TemplateWriter;
import dev.herald.core.content.Written;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.writer.check.Complaint;
import dev.herald.writer.check.DraftChecker;
import dev.herald.writer.provider.LlmClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Writes messages with a language model, cheaply and safely.
 *
 * <ul>
 *   <li>One generation serves every message with the same {@link ContentKey}; per-user facts (first name, link,
 *       prices, order number) are placeholders filled in afterwards, so the model never sees them.
 *   <li>Generations are kept in a cache with a TTL; concurrent messages with the same key wait for one generation.
 *   <li>Every reply is checked ({@link DraftChecker}); a failing one is sent back once with the complaints.
 *   <li>Whatever fails (the provider, the checks, the timeout, the filled message's length) ends in the template
 *       writer's message, and {@link Written#detail()} says why.
 * </ul>
 *
 * <p>Thread-safe. {@link #write} blocks its caller for at most the generation timeout; callers on a hot path call it
 * from their own worker threads.
 */
public final class LlmWriter implements ContentWriter, AutoCloseable {

    private final TemplateWriter template;
    private final WriterSettings settings;
    private final Generator generator;
    private final DraftChecker checker;
    private final Filler filler;
    private final WriterMetrics metrics;
    private final KnownProducts products = new KnownProducts();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AsyncCache<ContentKey, Generation> cache;

    public LlmWriter(LlmClient client, WriterSettings settings, WriterMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.template = new TemplateWriter(settings.shopName(), settings.shopUrl(), settings.marketingSmsSegments());
        this.checker = new DraftChecker(settings.checkRules());
        this.generator = new Generator(client, new Prompts(settings.shopName(), settings.marketingSmsSegments()),
                checker, metrics);
        this.filler = new Filler(settings.shopName(), settings.imageHosts());
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).executor(executor)
                .expireAfter(new Lifetimes(settings.cacheTtl(), settings.failureTtl())).buildAsync();
    }

    @Override
    public Written write(OutgoingMessage message) {
        long started = System.nanoTime();
        MessageFacts facts = MessageFacts.of(message, template.linkFor(message), settings.shopName());
        products.remember(message.subject());
        AtomicBoolean generatedHere = new AtomicBoolean();
        CompletableFuture<Generation> future = cache.get(facts.key(), (key, pool) -> {
            generatedHere.set(true);
            return CompletableFuture.supplyAsync(() -> generator.generate(key, facts.sheet(
                    message.brief().allowedClaims(), products.namesOtherThan(message.subject()))), pool);
        });
        metrics.lookup(!generatedHere.get());
        Generation generation;
        try {
            generation = future.get(settings.generationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fallback(message, "generation_timeout", "no generation within "
                    + settings.generationTimeout().toSeconds() + " s; it goes on for later messages");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback(message, "interrupted", "interrupted while waiting for the generation");
        } catch (ExecutionException e) {
            return fallback(message, "error", String.valueOf(e.getCause()));
        }
        return switch (generation) {
            case Generation.Failed failed -> fallback(message, failed.reason(), failed.detail());
            case Generation.Ready ready -> filled(message, facts, ready, generatedHere.get(), started);
        };
    }

    private Written filled(OutgoingMessage message, MessageFacts facts, Generation.Ready ready, boolean generated,
            long started) {
        MessageContent content = filler.fill(ready.draft(), facts.placeholders(), message.subject(),
                facts.key().language());
        List<Complaint> complaints = checker.checkFilled(content, message.kind());
        if (!complaints.isEmpty()) {
            return fallback(message, "too_long_after_fill", complaints.stream().map(Complaint::toString)
                    .collect(Collectors.joining("; ")));
        }
        Written.Source source = generated ? Written.Source.GENERATED : Written.Source.CACHED;
        metrics.message(source);
        if (!generated) {
            metrics.cachedIn(Duration.ofNanos(System.nanoTime() - started));
        }
        String detail = "key " + facts.key().label() + (generated ? ", reply " + ready.attempts() + " of "
                + Generator.REPLIES : "") + (generated && !ready.notes().isEmpty()
                        ? ", " + String.join(", ",
                                ready.notes())
                        : "");
        return new Written(content, source, detail);
    }

    private Written fallback(OutgoingMessage message, String reason, String detail) {
        metrics.message(Written.Source.FALLBACK);
        metrics.fallback(reason);
        return new Written(template.content(message), Written.Source.FALLBACK, reason + ": " + detail);
    }

    /** The writer's counters. */
    public WriterMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A generation lives for the cache TTL; a failed one for the failure TTL, or not at all if it was passing. */
    private record Lifetimes(Duration ready, Duration failed) implements Expiry<ContentKey, Generation> {

        @Override
        public long expireAfterCreate(ContentKey key, Generation value, long currentTime) {
            return switch (value) {
                case Generation.Ready r -> ready.toNanos();
                case Generation.Failed f -> f.passing() ? 0 : failed.toNanos();
            };
        }

        @Override
        public long expireAfterUpdate(ContentKey key, Generation value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(ContentKey key, Generation value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
