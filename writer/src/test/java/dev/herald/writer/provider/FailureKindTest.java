package dev.herald.writer.provider;

import static dev.herald.writer.provider.Samples.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.writer.provider.ProviderException.Kind;
import dev.herald.writer.provider.ProviderSettings.Provider;
import dev.herald.writer.stub.AnthropicStub;
import dev.herald.writer.stub.OpenAiStub;
import dev.herald.writer.stub.ProviderStub;
import dev.herald.writer.stub.StubReply;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a call can fail, for both providers, as the kind of {@link ProviderException} it becomes. */
class FailureKindTest {

    private static final Map<Integer, Kind> BY_STATUS = Map.ofEntries(Map.entry(429, Kind.RATE_LIMITED),
            Map.entry(529, Kind.OVERLOADED), Map.entry(503, Kind.OVERLOADED), Map.entry(500, Kind.SERVER_ERROR),
            Map.entry(502, Kind.SERVER_ERROR), Map.entry(401, Kind.AUTHENTICATION),
            Map.entry(403, Kind.AUTHENTICATION), Map.entry(408, Kind.TIMEOUT), Map.entry(400, Kind.REFUSED),
            Map.entry(404, Kind.REFUSED), Map.entry(422, Kind.REFUSED));

    static Stream<Arguments> statuses() {
        return Stream.of(Provider.values()).flatMap(provider -> BY_STATUS.entrySet().stream()
                .map(entry -> Arguments.of(provider, entry.getKey(), entry.getValue())));
    }

    @ParameterizedTest(name = "{0} HTTP {1} -> {2}")
    @MethodSource("statuses")
    void shouldSortHttpErrorsByStatus(Provider provider, int status, Kind kind) {
        ProviderException failure = failure(provider, StubReply.error(status), Duration.ofSeconds(5));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).contains("HTTP " + status).contains(provider.code());
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldSeeTheProvidersOwnOverloadedReply(Provider provider) {
        assertThat(failure(provider, StubReply.overloaded(), Duration.ofSeconds(5)).kind()).isEqualTo(Kind.OVERLOADED);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldSeeAnOverloadedErrorBodyWhateverTheStatus(Provider provider) {
        String body = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

        assertThat(failure(provider, StubReply.raw(500, body), Duration.ofSeconds(5)).kind())
                .isEqualTo(Kind.OVERLOADED);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldCallASlowReplyATimeout(Provider provider) {
        StubReply slow = StubReply.delayed(Duration.ofSeconds(2), StubReply.text("{}"));

        assertThat(failure(provider, slow, Duration.ofMillis(200)).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldCallAnUnreachableServerATimeout(Provider provider) {
        ProviderStub stub = stub(provider);
        String baseUrl = stub.baseUrl();
        stub.close();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> new LangChainClient(Samples.settings(provider, baseUrl)).complete(SHORT));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldCallAnUnreadableReplyOther(Provider provider) {
        assertThat(failure(provider, StubReply.raw(200, "<html>oops</html>"), Duration.ofSeconds(5)).kind())
                .isEqualTo(Kind.OTHER);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void shouldCallAnEmptyReplyOther(Provider provider) {
        assertThat(failure(provider, StubReply.text(""), Duration.ofSeconds(5)).kind()).isEqualTo(Kind.OTHER);
    }

    private static ProviderException failure(Provider provider, StubReply reply, Duration timeout) {
        try (ProviderStub stub = stub(provider)) {
            stub.enqueue(reply);
            LangChainClient client =
                    new LangChainClient(Samples.settings(provider, stub.baseUrl()).withTimeout(timeout));
            ProviderException failure = catchThrowableOfType(ProviderException.class, () -> client.complete(SHORT));
            assertThat(failure).as("a ProviderException").isNotNull();
            assertThat(stub.requestCount()).as("requests made").isEqualTo(1);
            return failure;
        }
    }

    private static ProviderStub stub(Provider provider) {
        return switch (provider) {
            case ANTHROPIC -> new AnthropicStub();
            case OPENAI -> new OpenAiStub();
        };
    }
}
