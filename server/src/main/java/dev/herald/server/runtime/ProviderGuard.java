package dev.herald.server.runtime;

import dev.herald.core.profile.Channel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's protection: a rate limit (sends per second) and a circuit breaker that opens when half of the last
 * 20 sends failed for passing reasons (timeouts, 5xx, 429), so that a provider in trouble is left alone for 30
 * seconds instead of being hammered; messages wait in the outbox meanwhile.
 */
final class ProviderGuard {

    /** Default sends per second per channel; providers' own limits are often of this order. */
    static final Map<Channel, Integer> DEFAULT_RATES = Map.of(Channel.EMAIL, 50, Channel.SMS, 10, Channel.PUSH, 200,
            Channel.WEBHOOK, 100, Channel.IN_APP, 1000);

    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    ProviderGuard(Channel channel, int perSecond) {
        this.breaker = CircuitBreaker.of("delivery-" + channel.key(), CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.limiter = RateLimiter.of("delivery-" + channel.key(), RateLimiterConfig.custom()
                .limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(2)).build());
    }

    /** Why the provider may not be called now (its circuit is open, or its rate is used up), or empty. */
    Optional<String> refusal() {
        if (!breaker.tryAcquirePermission()) {
            return Optional.of("the provider's circuit is open after repeated failures; trying again later");
        }
        if (!limiter.acquirePermission()) {
            breaker.releasePermission();
            return Optional.of("the provider's rate limit is reached");
        }
        return Optional.empty();
    }

    /** Records how a permitted call went: passing failures count against the provider, other answers for it. */
    void record(boolean passingFailure, Duration took) {
        if (passingFailure) {
            breaker.onError(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS,
                    new IllegalStateException("a passing delivery failure"));
        } else {
            breaker.onSuccess(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
