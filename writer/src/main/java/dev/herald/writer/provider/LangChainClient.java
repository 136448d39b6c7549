package dev.herald.writer.provider;

import dev.herald.writer.provider.ProviderException.Kind;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One call to Anthropic's Messages API or OpenAI's Chat Completions API (or a compatible server) through
 * LangChain4j, without retries: those are {@link ResilientClient}'s job. Every failure is thrown as a
 * {@link ProviderException} of the matching kind.
 *
 * <p>OpenAI is asked for a strict JSON schema with the conversation's reply fields as required strings when
 * {@link ProviderSettings#structuredOutput()} is on, for any JSON object when it is off. Anthropic gets no
 * response format; the prompt asks for JSON. OpenAI's own service gets {@code max_completion_tokens}, which its
 * newer models require; other base URLs get {@code max_tokens}, which compatible servers understand.
 */
public final class LangChainClient implements LlmClient {

    /** The name of the JSON schema sent to OpenAI. */
    static final String SCHEMA_NAME = "reply";

    private final ProviderSettings settings;
    private final ChatModel model;

    public LangChainClient(ProviderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.model = switch (settings.provider()) {
            case ANTHROPIC -> anthropic(settings);
            case OPENAI -> openAi(settings);
        };
    }

    @Override
    public Completion complete(Conversation conversation) {
        ChatResponse response;
        try {
            response = model.chat(request(conversation));
        } catch (RuntimeException e) {
            throw ProviderFailures.of(e, describe());
        }
        return completion(response);
    }

    @Override
    public String describe() {
        String base = settings.provider().code() + " " + settings.model();
        return settings.defaultBaseUrl() ? base : base + " at " + settings.baseUrl();
    }

    private ChatRequest request(Conversation conversation) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!conversation.system().isBlank()) {
            messages.add(SystemMessage.from(conversation.system()));
        }
        for (Conversation.Turn turn : conversation.turns()) {
            messages.add(switch (turn.role()) {
                case USER -> UserMessage.from(turn.text());
                case ASSISTANT -> AiMessage.from(turn.text());
            });
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (settings.provider() == ProviderSettings.Provider.OPENAI) {
            request.responseFormat(responseFormat(conversation.replyFields()));
        }
        return request.build();
    }

    private ResponseFormat responseFormat(List<String> replyFields) {
        if (!settings.structuredOutput() || replyFields.isEmpty()) {
            return ResponseFormat.JSON;
        }
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        replyFields.forEach(object::addStringProperty);
        object.required(replyFields).additionalProperties(false);
        JsonSchema schema = JsonSchema.builder().name(SCHEMA_NAME).rootElement(object.build()).build();
        return ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
    }

    private Completion completion(ChatResponse response) {
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new ProviderException(Kind.OTHER, describe() + ": other: the reply has no text", null);
        }
        TokenUsage usage = response.tokenUsage();
        int input = usage == null ? 0 : orZero(usage.inputTokenCount());
        int output = usage == null ? 0 : orZero(usage.outputTokenCount());
        String answeredBy = response.modelName() == null || response.modelName().isBlank() ? settings.model()
                : response.modelName();
        return new Completion(text, input, output, answeredBy);
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static ChatModel anthropic(ProviderSettings settings) {
        return AnthropicChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .maxTokens(settings.maxOutputTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    private static ChatModel openAi(ProviderSettings settings) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isEmpty() ? null : settings.apiKey())
                .modelName(settings.model())
                .strictJsonSchema(true)
                .timeout(settings.timeout())
                .maxRetries(0);
        if (settings.defaultBaseUrl()) {
            builder.maxCompletionTokens(settings.maxOutputTokens());
        } else {
            builder.maxTokens(settings.maxOutputTokens());
        }
        return builder.build();
    }
}
