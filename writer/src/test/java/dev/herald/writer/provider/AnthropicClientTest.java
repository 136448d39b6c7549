package dev.herald.writer.provider;

import static dev.herald.writer.provider.Samples.CONVERSATION;
import static dev.herald.writer.provider.Samples.SHORT;
import static dev.herald.writer.provider.Samples.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.writer.provider.ProviderSettings.Provider;
import dev.herald.writer.stub.AnthropicStub;
import dev.herald.writer.stub.RecordedRequest;
import dev.herald.writer.stub.StubReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

    private final AnthropicStub stub = new AnthropicStub();
    private final ProviderSettings settings = Samples.settings(Provider.ANTHROPIC, stub.baseUrl());

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldSendAMessagesApiRequest() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings).complete(CONVERSATION);

        RecordedRequest request = stub.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("test-key");
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("authorization")).isNull();
        JsonNode json = request.json();
        assertThat(json.path("model").asText()).isEqualTo(ProviderSettings.ANTHROPIC_MODEL);
        assertThat(json.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(text(json.path("system"))).isEqualTo(SYSTEM);
        assertThat(json.path("messages").findValuesAsText("role")).containsExactly("user", "assistant", "user");
        List<String> texts = new ArrayList<>();
        json.path("messages").forEach(message -> texts.add(text(message.path("content"))));
        assertThat(texts).containsExactly(CONVERSATION.turns().get(0).text(), CONVERSATION.turns().get(1).text(),
                CONVERSATION.turns().get(2).text());
        assertThat(json.has("response_format")).isFalse();
        assertThat(json.has("output_format")).isFalse();
        assertThat(json.has("tools")).isFalse();
    }

    @Test
    void shouldSendTheConfiguredModelAndTokenLimit() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings.withModel("claude-sonnet-4-5").withMaxOutputTokens(300)).complete(SHORT);

        assertThat(stub.lastRequest().json().path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(stub.lastRequest().json().path("max_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void shouldReturnTheReplyWithItsTokenUsageAndModel() {
        stub.enqueue(StubReply.text("{\"subject\":\"Still thinking?\"}", 321, 45));

        Completion completion = new LangChainClient(settings).complete(SHORT);

        assertThat(completion).isEqualTo(
                new Completion("{\"subject\":\"Still thinking?\"}", 321, 45, ProviderSettings.ANTHROPIC_MODEL));
    }

    @Test
    void shouldTreatAnEmptyReplyAsAFailure() {
        stub.enqueue(StubReply.text(""));

        assertThatThrownBy(() -> new LangChainClient(settings).complete(SHORT)).isInstanceOf(ProviderException.class)
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.OTHER);
    }

    @Test
    void shouldDescribeItselfWithTheModelAndAnyOtherAddress() {
        assertThat(new LangChainClient(ProviderSettings.defaults(Provider.ANTHROPIC, "key")).describe())
                .isEqualTo("anthropic claude-haiku-4-5");
        assertThat(new LangChainClient(settings).describe())
                .isEqualTo("anthropic claude-haiku-4-5 at " + stub.baseUrl());
    }

    /** A content field's text: a string, or the text blocks joined. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }
}
