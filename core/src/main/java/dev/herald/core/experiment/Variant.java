package dev.herald.core.experiment;

import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One arm of an experiment that gets a message: its name, its weight, and what it changes in the policy's choice.
 * A variant without overrides sends what the policy chose (a control, typically).
 *
 * @param weight its share of the traffic that is not held out, relative to the other variants' weights; positive
 * @param content the trigger's content variant to send (its brief angle or template applies), or {@code null} for
 *     the policy's
 * @param channel the channel to send on, or {@code null} for the policy's; when the user cannot be reached on it,
 *     the policy's channel is kept and the trace says so
 * @param delay how much later than the policy's slot to send, still within the trigger's urgency window;
 *     {@link Duration#ZERO} for none
 */
public record Variant(String name, double weight, String content, Channel channel, Duration delay) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Variant {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a variant name must be lower case letters, digits and underscores,"
                    + " starting with a letter; got \"" + name + "\"");
        }
        if (name.equals(Assignment.HOLDOUT)) {
            throw new IllegalArgumentException("\"" + Assignment.HOLDOUT + "\" names the users held out; give the"
                    + " variant another name");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("variant " + name + ": the weight must be a positive number, got "
                    + weight);
        }
        delay = Objects.requireNonNullElse(delay, Duration.ZERO);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("variant " + name + ": the delay must not be negative, got " + delay);
        }
    }

    /** A variant that sends what the policy chose. */
    public static Variant plain(String name, double weight) {
        return new Variant(name, weight, null, null, Duration.ZERO);
    }

    public Optional<String> findContent() {
        return Optional.ofNullable(content);
    }

    public Optional<Channel> findChannel() {
        return Optional.ofNullable(channel);
    }

    /** Whether the variant changes anything in the policy's choice. */
    public boolean overrides() {
        return content != null || channel != null || !delay.isZero();
    }
}
