package dev.herald.writer.check;

import java.util.Objects;

/**
 * One thing wrong with a draft, phrased so that the model can fix it when it is sent back.
 *
 * <p>The rules {@link DraftChecker} uses: {@code unknown_placeholder}, {@code empty}, {@code too_long},
 * {@code too_many_segments}, {@code no_opt_out}, {@code html_in_text}, {@code html_in_markdown},
 * {@code foreign_link}, {@code unsafe_link}, {@code invented_number}, {@code invented_price},
 * {@code invented_percentage}, {@code invented_code}, {@code invented_offer} and {@code invented_product}.
 *
 * @param field the reply field at fault, for example {@code "subject"} or {@code "text"}
 * @param rule a short stable code for metrics, for example {@code "too_long"} or {@code "invented_number"}
 * @param message what is wrong and what to do, for example {@code "subject is 112 characters; at most 80"}
 */
public record Complaint(String field, String rule, String message) {

    public Complaint {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
