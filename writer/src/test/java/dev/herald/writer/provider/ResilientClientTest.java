package dev.herald.writer.provider;

import static dev.herald.writer.provider.Samples.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.writer.provider.ProviderException.Kind;
import dev.herald.writer.provider.ProviderSettings.Provider;
import dev.herald.writer.stub.AnthropicStub;
import dev.herald.writer.stub.OpenAiStub;
import dev.herald.writer.stub.StubReply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientClientTest {

    private final AnthropicStub stub = new AnthropicStub();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProviderSettings settings = Samples.settings(Provider.ANTHROPIC, stub.baseUrl());

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldRetryARateLimit() {
        stub.enqueue(StubReply.error(429), StubReply.text("{\"subject\":\"Hi\"}"));

        Completion completion = Providers.create(settings, registry).complete(SHORT);

        assertThat(completion.text()).isEqualTo("{\"subject\":\"Hi\"}");
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(attempts("rate_limited")).isEqualTo(1);
        assertThat(attempts("ok")).isEqualTo(1);
    }

    @Test
    void shouldRetryWhenOverloaded() {
        stub.enqueue(StubReply.overloaded(), StubReply.text("{}"));

        assertThat(Providers.create(settings, registry).complete(SHORT).text()).isEqualTo("{}");
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(attempts("overloaded")).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterMaxAttempts() {
        stub.respondWith(request -> StubReply.error(500));

        ProviderException failure = failure(Providers.create(settings, registry));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(stub.requestCount()).isEqualTo(settings.maxAttempts()).isEqualTo(3);
        assertThat(attempts("server_error")).isEqualTo(3);
    }

    @Test
    void shouldRetryTimeouts() {
        stub.respondWith(request -> StubReply.delayed(Duration.ofSeconds(2), StubReply.text("{}")));

        ResilientClient client = Providers.create(settings.withTimeout(Duration.ofMillis(200)).withMaxAttempts(2),
                registry);

        assertThat(failure(client).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(attempts("timeout")).isEqualTo(2);
    }

    @Test
    void shouldNotRetryABadKey() {
        stub.respondWith(request -> StubReply.error(401));

        assertThat(failure(Providers.create(settings, registry)).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(attempts("authentication")).isEqualTo(1);
    }

    @Test
    void shouldNotRetryARefusal() {
        stub.respondWith(request -> StubReply.error(400, "prompt is too long"));

        ProviderException failure = failure(Providers.create(settings, registry));

        assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
        assertThat(failure.getMessage()).contains("prompt is too long");
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void shouldOpenTheCircuitAfterRepeatedFailuresAndThenMakeNoCalls() {
        stub.respondWith(request -> StubReply.error(500));
        ResilientClient client = Providers.create(settings.withMaxAttempts(1), registry);

        for (int i = 0; i < ProviderSettings.Circuit.DEFAULT.minimumCalls(); i++) {
            assertThat(failure(client).kind()).isEqualTo(Kind.SERVER_ERROR);
        }
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(failure(client).kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        assertThat(stub.requestCount()).isEqualTo(10);
        assertThat(attempts("circuit_open")).isEqualTo(1);
    }

    @Test
    void shouldStopRetryingWhenTheCircuitOpens() {
        stub.respondWith(request -> StubReply.error(503));
        ProviderSettings.Circuit small = new ProviderSettings.Circuit(50, 2, 2, Duration.ofSeconds(30));
        ResilientClient client = Providers.create(settings.withMaxAttempts(5).withCircuit(small), registry);

        assertThat(failure(client).kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheCircuitClosedForRefusals() {
        stub.respondWith(request -> StubReply.error(400));
        ResilientClient client = Providers.create(settings, registry);

        for (int i = 0; i < 12; i++) {
            assertThat(failure(client).kind()).isEqualTo(Kind.REFUSED);
        }

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldAnswerBusyWhenEverySlotIsTaken() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LlmClient slow = new LlmClient() {
            @Override
            public Completion complete(Conversation conversation) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Completion("{}", 1, 1, "slow");
            }

            @Override
            public String describe() {
                return "slow";
            }
        };
        ResilientClient client = new ResilientClient(slow,
                settings.withConcurrency(1).withTimeout(Duration.ofMillis(150)), registry);
        CompletableFuture<Completion> first = CompletableFuture.supplyAsync(() -> client.complete(SHORT));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        ProviderException failure = failure(client);

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(attempts("busy")).isEqualTo(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).text()).isEqualTo("{}");
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldTimeTheCallsItMakes() {
        stub.enqueue(StubReply.error(429), StubReply.text("{}"));

        Providers.create(settings, registry).complete(SHORT);

        assertThat(latency("ok").count()).isEqualTo(1);
        assertThat(latency("rate_limited").count()).isEqualTo(1);
    }

    @Test
    void shouldWorkTheSameWithOpenAi() {
        try (OpenAiStub openAi = new OpenAiStub()) {
            openAi.enqueue(StubReply.overloaded(), StubReply.text("{\"subject\":\"Hi\"}", 40, 9));
            ResilientClient client = Providers.create(Samples.settings(Provider.OPENAI, openAi.baseUrl()), registry);

            assertThat(client.complete(SHORT)).isEqualTo(new Completion("{\"subject\":\"Hi\"}", 40, 9, "gpt-5-mini"));
            assertThat(openAi.requestCount()).isEqualTo(2);
            assertThat(client.describe()).startsWith("openai gpt-5-mini");
        }
    }

    private static ProviderException failure(LlmClient client) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> client.complete(SHORT));
        assertThat(failure).as("a ProviderException").isNotNull();
        return failure;
    }

    private double attempts(String outcome) {
        Counter counter = registry.find(ResilientClient.ATTEMPTS).tag(ResilientClient.OUTCOME, outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer latency(String outcome) {
        Timer timer = registry.find(ResilientClient.LATENCY).tag(ResilientClient.OUTCOME, outcome).timer();
        assertThat(timer).as("timer for " + outcome).isNotNull();
        return timer;
    }
}
