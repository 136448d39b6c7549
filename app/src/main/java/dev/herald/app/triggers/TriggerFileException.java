package dev.herald.app.triggers;

import dev.herald.core.HeraldException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A trigger file (or an experiments file) could not be loaded. The message lists every problem found in the file,
 * one per line, each naming the file, the line and the field to fix; {@link #problems()} gives them one by one.
 */
public final class TriggerFileException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /** The problems, in the order of their lines; an {@link ArrayList} so the exception stays serializable. */
    private final ArrayList<Problem> problems;

    /**
     * Creates the exception from at least one problem.
     *
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public TriggerFileException(List<Problem> problems) {
        this("triggers", problems);
    }

    /**
     * Creates the exception from at least one problem in a file of the given kind.
     *
     * @param what what the file holds, for the message: {@code triggers} or {@code experiments}
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public TriggerFileException(String what, List<Problem> problems) {
        super(describe(what, problems));
        this.problems = new ArrayList<>(problems);
    }

    /** Every problem found, in the order of their lines. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    private static String describe(String what, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a trigger file exception needs at least one problem");
        }
        StringBuilder message = new StringBuilder("cannot load " + what + " from ").append(problems.get(0).source())
                .append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem problem : problems) {
            message.append(System.lineSeparator()).append(problem);
        }
        return message.toString();
    }

    /**
     * One thing wrong in a trigger file.
     *
     * @param source the file's name as given to the loader
     * @param line the 1-based line, or 0 when the problem concerns the whole file (it could not be read)
     * @param field the path of the field, for example {@code triggers[1].wait}; {@code ""} when there is none
     * @param message what is wrong and what is expected
     */
    public record Problem(String source, int line, String field, String message) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The problem as one line: {@code triggers.yaml:23: triggers[1].wait: "soon" is not a duration; ...}. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(source);
            if (line > 0) {
                text.append(':').append(line);
            }
            text.append(": ");
            if (!field.isEmpty()) {
                text.append(field).append(": ");
            }
            return text.append(message).toString();
        }
    }
}
