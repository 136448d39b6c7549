package dev.herald.writer;

import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.MessageKind;
import java.util.Objects;

/**
 * What one generation is for. Two messages with equal keys get the same prompt, so one generation serves both:
 * the key holds exactly what the prompt is made of, and nothing of the user but what the brief asks for.
 *
 * @param language the language the text is written in, as an ISO 639 code
 * @param named whether the text greets the user by first name (filled in afterwards)
 * @param data the facts the model sees, as canonical JSON (the lead item's name, brand and category, how many
 *     other items, which per-user facts are placeholders, and the user fact bands the brief uses)
 */
public record ContentKey(
        String trigger,
        ContentBrief brief,
        Channel channel,
        MessageKind kind,
        String language,
        String variant,
        boolean named,
        String data) {

    public ContentKey {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(data, "data");
    }

    /** A short stable name for traces: trigger, channel, language, variant and a hash of the rest. */
    public String label() {
        int hash = Objects.hash(brief, kind, named, data);
        return trigger + "/" + channel.key() + "/" + language + "/" + variant + "#"
                + String.format("%08x", hash);
    }
}
