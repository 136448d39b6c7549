package dev.herald.core.trigger;

import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One trigger, as a marketer defines it: when it starts, how long it waits, what cancels it, how often it may
 * repeat, how important it is, whether it is marketing, where it may write and what the message should say.
 *
 * <p>A trigger's timer starts on an {@link Entry} event and fires {@code waitTime} later (with
 * {@code restartOnEntry}, a repeated entry for the same scope starts the wait again); the message is then sent at
 * a time the policy picks within {@code urgency} after firing. An {@link Exit} event cancels a started timer or a
 * scheduled message.
 *
 * @param id a stable identifier, lower case letters, digits and underscores ({@code abandoned_cart})
 * @param priority when triggers collide for one user, the higher priority wins
 * @param quietHours whether SMS and push respect the user's quiet hours (transactional triggers may opt out)
 * @param variants the content variants a policy may choose from; at least one
 */
public record TriggerDefinition(
        String id,
        String name,
        MessageKind kind,
        int priority,
        Scope scope,
        Entry entry,
        Duration waitTime,
        boolean restartOnEntry,
        Duration urgency,
        Exit exit,
        Reentry reentry,
        List<Channel> channels,
        boolean quietHours,
        List<String> variants,
        ContentBrief brief) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public TriggerDefinition {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "trigger id must be lower case letters, digits and underscores, starting with a letter; got \""
                            + id + "\"");
        }
        name = Objects.requireNonNullElse(name, id);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(waitTime, "waitTime");
        if (waitTime.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, got " + waitTime);
        }
        Objects.requireNonNull(urgency, "urgency");
        if (urgency.isNegative()) {
            throw new IllegalArgumentException("urgency must not be negative, got " + urgency);
        }
        Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(reentry, "reentry");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("trigger " + id + " needs at least one channel");
        }
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("trigger " + id + " needs at least one content variant");
        }
        Objects.requireNonNull(brief, "brief");
    }

    /** Whether the trigger's messages are marketing. */
    public boolean isMarketing() {
        return kind == MessageKind.MARKETING;
    }
}
