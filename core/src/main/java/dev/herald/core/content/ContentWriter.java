package dev.herald.core.content;

import dev.herald.core.decision.OutgoingMessage;

/**
 * Writes the text of a message that is about to be sent. Called only after every check has passed, so no text is
 * paid for that is not sent. Implementations: the deterministic {@link TemplateWriter}, and LLM writers that fall
 * back to it.
 *
 * <p>Implementations must be thread-safe and must not throw for any message: a writer that cannot do better returns
 * the template's text.
 */
public interface ContentWriter {

    /** The message's content, shaped for its channel, and how it was written. */
    Written write(OutgoingMessage message);
}
