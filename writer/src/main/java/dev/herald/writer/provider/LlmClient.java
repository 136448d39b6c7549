package dev.herald.writer.provider;

/**
 * One chat completion from a language model. Implementations are thread-safe and throw
 * {@link ProviderException} for every failure, never anything else.
 */
public interface LlmClient {

    /** Sends the conversation and returns the model's reply. */
    Completion complete(Conversation conversation);

    /** The provider and model, for the start-up log, for example {@code "anthropic claude-haiku-4-5"}. */
    String describe();
}
