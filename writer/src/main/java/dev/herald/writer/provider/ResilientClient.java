package dev.herald.writer.provider;

import dev.herald.writer.provider.ProviderException.Kind;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wraps an {@link LlmClient} with what calling a remote model needs: retries with exponential random backoff for
 * the {@linkplain Kind#retriable() retriable} failures, a circuit breaker that fails fast with
 * {@link Kind#CIRCUIT_OPEN} while the provider keeps failing, and a limit on the calls in flight (a caller waits
 * at most the timeout for a slot, then gets {@link Kind#BUSY}).
 *
 * <p>Every attempt counts in {@value #ATTEMPTS}, tagged {@code outcome} = {@code ok} or the failure's
 * {@linkplain Kind#code() kind code}; every call that reached the wrapped client is timed in {@value #LATENCY},
 * tagged the same way.
 */
public final class ResilientClient implements LlmClient {

    /** The counter of attempts, tagged {@code outcome}. */
    public static final String ATTEMPTS = "herald.llm.attempts";
    /** The timer of calls made to the wrapped client, tagged {@code outcome}. */
    public static final String LATENCY = "herald.llm.latency";
    /** The tag on both meters. */
    public static final String OUTCOME = "outcome";

    /** The failures the circuit breaker counts: signs that the provider is unwell or unusable. */
    private static final Set<Kind> BREAKER_FAILURES = EnumSet.of(Kind.RATE_LIMITED, Kind.OVERLOADED,
            Kind.SERVER_ERROR, Kind.TIMEOUT, Kind.AUTHENTICATION);
    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double BACKOFF_JITTER = 0.5;

    private final LlmClient delegate;
    private final MeterRegistry registry;
    private final Semaphore slots;
    private final Duration slotWait;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public ResilientClient(LlmClient delegate, ProviderSettings settings, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.slots = new Semaphore(settings.concurrency(), true);
        this.slotWait = settings.timeout();
        this.breaker = CircuitBreaker.of("herald-llm", breakerConfig(settings.circuit()));
        this.retry = Retry.of("herald-llm", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.backoffBase(),
                        BACKOFF_MULTIPLIER, BACKOFF_JITTER, settings.backoffMax()))
                .retryOnException(e -> e instanceof ProviderException failure && failure.kind().retriable())
                .build());
    }

    @Override
    public Completion complete(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return retry.executeSupplier(() -> attempt(conversation));
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** The circuit breaker's state, for health checks. */
    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private Completion attempt(Conversation conversation) {
        try {
            Completion completion = breaker.executeSupplier(() -> limited(conversation));
            count("ok");
            return completion;
        } catch (CallNotPermittedException e) {
            count(Kind.CIRCUIT_OPEN.code());
            throw new ProviderException(Kind.CIRCUIT_OPEN,
                    describe() + ": circuit_open after repeated failures; no call was made", e);
        } catch (ProviderException e) {
            count(e.kind().code());
            throw e;
        }
    }

    private Completion limited(Conversation conversation) {
        acquireSlot();
        try {
            return timed(conversation);
        } finally {
            slots.release();
        }
    }

    private void acquireSlot() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(slotWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.BUSY, describe() + ": busy, interrupted while waiting for a slot", e);
        }
        if (!acquired) {
            throw new ProviderException(Kind.BUSY,
                    describe() + ": busy, no free slot within " + slotWait + "; no call was made", null);
        }
    }

    private Completion timed(Conversation conversation) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return delegate.complete(conversation);
        } catch (ProviderException e) {
            outcome = e.kind().code();
            throw e;
        } catch (RuntimeException e) {
            outcome = Kind.OTHER.code();
            throw new ProviderException(Kind.OTHER, describe() + ": other " + e, e);
        } finally {
            registry.timer(LATENCY, OUTCOME, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void count(String outcome) {
        registry.counter(ATTEMPTS, OUTCOME, outcome).increment();
    }

    private static CircuitBreakerConfig breakerConfig(ProviderSettings.Circuit circuit) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.windowSize())
                .minimumNumberOfCalls(circuit.minimumCalls())
                .failureRateThreshold(circuit.failureRatePercent())
                .waitDurationInOpenState(circuit.openFor())
                // No call was made: neither a failure nor a success of the provider.
                .ignoreException(e -> e instanceof ProviderException failure && failure.kind() == Kind.BUSY)
                // Refusals of one request (and unreadable replies) say nothing of the provider's health.
                .recordException(e -> e instanceof ProviderException failure
                        && BREAKER_FAILURES.contains(failure.kind()))
                .build();
    }
}
