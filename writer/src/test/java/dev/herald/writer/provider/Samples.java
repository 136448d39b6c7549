package dev.herald.writer.provider;

import dev.herald.writer.provider.Conversation.Turn;
import java.time.Duration;
import java.util.List;

/** Conversations and settings the provider tests share. */
final class Samples {

    static final String SYSTEM = "You write short messages. Reply with one JSON object.";
    static final List<String> FIELDS = List.of("subject", "body");

    /** A user turn, the model's reply, and the user's correction. */
    static final Conversation CONVERSATION = new Conversation(SYSTEM,
            List.of(new Turn(Turn.Role.USER, "Write the cart reminder."),
                    new Turn(Turn.Role.ASSISTANT, "{\"subject\":\"Hi\",\"body\":\"Your cart is waiting.\"}"),
                    new Turn(Turn.Role.USER, "The subject is too short.")),
            FIELDS);

    static final Conversation SHORT = new Conversation(SYSTEM, List.of(new Turn(Turn.Role.USER, "Hello")), FIELDS);

    private Samples() {}

    /** The provider's defaults pointed at a stub, with millisecond backoffs. */
    static ProviderSettings settings(ProviderSettings.Provider provider, String baseUrl) {
        return ProviderSettings.defaults(provider, "test-key")
                .withBaseUrl(baseUrl)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }
}
