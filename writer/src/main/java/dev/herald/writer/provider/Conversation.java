package dev.herald.writer.provider;

import java.util.List;
import java.util.Objects;

/**
 * What is sent to the model: the system instructions, the turns so far, and the fields the JSON reply must have.
 *
 * @param replyFields the names of the reply's fields, every one a required string; providers that support
 *     structured output are asked for exactly this JSON object
 */
public record Conversation(String system, List<Turn> turns, List<String> replyFields) {

    public Conversation {
        Objects.requireNonNull(system, "system");
        turns = List.copyOf(turns);
        replyFields = List.copyOf(replyFields);
        if (turns.isEmpty() || turns.get(0).role() != Turn.Role.USER) {
            throw new IllegalArgumentException("a conversation starts with a user turn");
        }
    }

    /** This conversation followed by the model's reply and a new user turn. */
    public Conversation followedBy(String reply, String userText) {
        List<Turn> longer = new java.util.ArrayList<>(turns);
        longer.add(new Turn(Turn.Role.ASSISTANT, reply));
        longer.add(new Turn(Turn.Role.USER, userText));
        return new Conversation(system, longer, replyFields);
    }

    /** One message of the conversation. */
    public record Turn(Role role, String text) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }

        /** Who speaks. */
        public enum Role {
            USER,
            ASSISTANT
        }
    }
}
