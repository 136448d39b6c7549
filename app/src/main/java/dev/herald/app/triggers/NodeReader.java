package dev.herald.app.triggers;

import dev.herald.app.triggers.TriggerFileException.Problem;
import dev.herald.core.util.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads typed values out of a composed YAML tree and collects a {@link Problem} for every value that is not what was
 * expected, at the value's line and with its field path. A read that fails returns an empty Optional, so a caller
 * can go on and find the file's other problems.
 */
final class NodeReader {

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    NodeReader(String source) {
        this.source = source;
    }

    /** The problems found so far, ordered by line (stable for problems on one line). */
    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line));
        return sorted;
    }

    /** How many problems were found so far; compare before and after reading a part to know if it was clean. */
    int problemCount() {
        return problems.size();
    }

    void problem(int line, String field, String message) {
        problems.add(new Problem(source, line, field, message));
    }

    void problem(Node at, String field, String message) {
        problem(line(at), field, message);
    }

    /** The 1-based line a node starts on, or 0 when the node has no position. */
    static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** Whether a node is YAML's null: an empty value, {@code ~} or {@code null}. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * Reads a mapping whose keys must be among {@code known} (any key when {@code known} is null); an unknown or
     * repeated key is a problem (the others are still read).
     */
    Optional<Fields> mapping(Node node, String path, List<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a map" + (known == null ? "" : " of " + String.join(", ", known))
                    + ", got " + describe(node));
            return Optional.empty();
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problem(keyNode, path, "a key must be a plain name, got " + describe(keyNode));
                continue;
            }
            String key = keyScalar.getValue();
            String keyPath = join(path, key);
            if (known != null && !known.contains(key)) {
                problem(keyNode, keyPath, "unknown field \"" + key + "\"; known fields: " + String.join(", ", known));
            } else if (values.containsKey(key)) {
                problem(keyNode, keyPath, "\"" + key + "\" is given twice (first on line "
                        + line(values.get(key)) + ")");
            } else {
                values.put(key, tuple.getValueNode());
            }
        }
        return Optional.of(new Fields(node, path, values));
    }

    /** Reads a list; {@code example} shows the expected form in the message when the node is not a list. */
    Optional<List<Node>> sequence(Node node, String path, String example) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        problem(node, path, "expected a list like " + example + ", got " + describe(node));
        return Optional.empty();
    }

    /** Reads a scalar as text. */
    Optional<String> text(Node node, String path) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(node, path, "expected text, got " + describe(node));
        return Optional.empty();
    }

    /** Reads a list of texts. */
    Optional<List<String>> texts(Node node, String path, String example) {
        Optional<List<Node>> items = sequence(node, path, example);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int before = problemCount();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            text(items.get().get(i), path + "[" + i + "]").ifPresent(values::add);
        }
        return problemCount() == before ? Optional.of(values) : Optional.empty();
    }

    /** Reads a whole number that fits an {@code int}. */
    Optional<Integer> integer(Node node, String path) {
        Optional<String> text = scalar(node, path, "a whole number");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            problem(node, path, "expected a whole number, got \"" + text.get() + "\"");
            return Optional.empty();
        }
    }

    /** Reads {@code true} or {@code false}. */
    Optional<Boolean> bool(Node node, String path) {
        Optional<String> text = scalar(node, path, "true or false");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problem(node, path, "expected true or false, got \"" + text.get() + "\"");
                yield Optional.empty();
            }
        };
    }

    /** Reads a decimal number; with {@code percent}, a trailing {@code %} is allowed. */
    Optional<BigDecimal> decimal(Node node, String path, boolean percent) {
        Optional<String> text = scalar(node, path, "a number");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String digits = text.get();
        if (percent && digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1).trim();
        }
        try {
            return Optional.of(new BigDecimal(digits));
        } catch (NumberFormatException e) {
            problem(node, path, "expected a number, got \"" + text.get() + "\"");
            return Optional.empty();
        }
    }

    /** Reads a duration such as {@code 90s}, {@code 1h30m} or {@code 7d}. */
    Optional<Duration> duration(Node node, String path) {
        Optional<String> text = scalar(node, path, "a duration like 30m, 1h or 7d");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationText.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> scalar(Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(node, path, "expected " + expected + ", got " + describe(node));
        return Optional.empty();
    }

    /** How a node looks to a reader, for "expected ..., got ..." messages. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "no value";
        }
        return switch (node.getNodeType()) {
            case MAPPING -> "a map";
            case SEQUENCE -> "a list";
            case SCALAR -> "\"" + ((ScalarNode) node).getValue() + "\"";
            case ANCHOR -> "an anchor";
        };
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The checked keys of one mapping, with the mapping's own node and path for problems about missing fields. */
    static final class Fields {
        private final Node node;
        private final String path;
        private final Map<String, Node> values;

        Fields(Node node, String path, Map<String, Node> values) {
            this.node = node;
            this.path = path;
            this.values = values;
        }

        Node node() {
            return node;
        }

        String path() {
            return path;
        }

        /** The path of a field of this mapping, such as {@code triggers[1].wait}. */
        String path(String key) {
            return join(path, key);
        }

        /** The keys given, in file order. */
        List<String> keys() {
            return List.copyOf(values.keySet());
        }

        /** The field's value, when it is present and not null. */
        Optional<Node> find(String key) {
            Node value = values.get(key);
            return value == null || isNull(value) ? Optional.empty() : Optional.of(value);
        }

        /** The field's value; a problem when it is absent or empty ({@code hint} says what to write). */
        Optional<Node> require(NodeReader reader, String key, String hint) {
            Node value = values.get(key);
            if (value == null) {
                reader.problem(node, path(key), "required field is missing; " + hint);
                return Optional.empty();
            }
            if (isNull(value)) {
                reader.problem(value, path(key), "has no value; " + hint);
                return Optional.empty();
            }
            return Optional.of(value);
        }

        /** The mapping's single key and value, when it has exactly one. */
        Optional<Map.Entry<String, Node>> single() {
            return values.size() == 1 ? Optional.of(values.entrySet().iterator().next()) : Optional.empty();
        }
    }
}
