package dev.herald.writer.provider;

import static dev.herald.writer.provider.Samples.CONVERSATION;
import static dev.herald.writer.provider.Samples.FIELDS;
import static dev.herald.writer.provider.Samples.SHORT;
import static dev.herald.writer.provider.Samples.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.writer.provider.Conversation.Turn;
import dev.herald.writer.provider.ProviderSettings.Provider;
import dev.herald.writer.stub.OpenAiStub;
import dev.herald.writer.stub.RecordedRequest;
import dev.herald.writer.stub.StubReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {

    private final OpenAiStub stub = new OpenAiStub();
    private final ProviderSettings settings = Samples.settings(Provider.OPENAI, stub.baseUrl());

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldSendAChatCompletionsRequest() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings).complete(CONVERSATION);

        RecordedRequest request = stub.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer test-key");
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode json = request.json();
        assertThat(json.path("model").asText()).isEqualTo(ProviderSettings.OPENAI_MODEL);
        assertThat(json.path("messages").findValuesAsText("role"))
                .containsExactly("system", "user", "assistant", "user");
        assertThat(json.path("messages").findValuesAsText("content")).containsExactly(SYSTEM,
                CONVERSATION.turns().get(0).text(), CONVERSATION.turns().get(1).text(),
                CONVERSATION.turns().get(2).text());
        // A compatible server (any base URL but OpenAI's) gets the widely understood max_tokens.
        assertThat(json.path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void shouldAskForAStrictSchemaWithTheReplyFields() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings).complete(SHORT);

        JsonNode format = stub.lastRequest().json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo(LangChainClient.SCHEMA_NAME);
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(texts(schema.path("required"))).containsExactlyElementsOf(FIELDS);
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.path("properties").size()).isEqualTo(FIELDS.size());
        FIELDS.forEach(field -> assertThat(schema.path("properties").path(field).path("type").asText())
                .isEqualTo("string"));
    }

    @Test
    void shouldAskForAnyJsonObjectWithoutStructuredOutput() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings.withStructuredOutput(false)).complete(SHORT);

        JsonNode format = stub.lastRequest().json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_object");
        assertThat(format.has("json_schema")).isFalse();
    }

    @Test
    void shouldAskForAnyJsonObjectWhenNoFieldsAreNamed() {
        stub.enqueue(StubReply.text("{}"));
        Conversation noFields = new Conversation(SYSTEM, List.of(new Turn(Turn.Role.USER, "Hello")), List.of());

        new LangChainClient(settings).complete(noFields);

        assertThat(stub.lastRequest().json().path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void shouldSendNoAuthorizationWithoutAKey() {
        stub.enqueue(StubReply.text("{}"));

        new LangChainClient(settings.withApiKey("")).complete(SHORT);

        assertThat(stub.lastRequest().header("authorization")).isNull();
    }

    @Test
    void shouldReturnTheReplyWithItsTokenUsageAndModel() {
        stub.enqueue(StubReply.text("{\"subject\":\"Back in stock\"}", 210, 33));

        Completion completion = new LangChainClient(settings.withModel("llama3.1:8b")).complete(SHORT);

        assertThat(completion).isEqualTo(new Completion("{\"subject\":\"Back in stock\"}", 210, 33, "llama3.1:8b"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
