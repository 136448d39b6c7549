package dev.herald.app.triggers;

import dev.herald.app.triggers.NodeReader.Fields;
import dev.herald.core.trigger.Condition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one entry condition, written as a single-key map:
 *
 * <pre>
 * - viewed_at_least: {times: 2, within: 24h}
 * - not_in_cart: true
 * - not_purchased_within: 30d
 * - price_drop_at_least: 5            # per cent; "5%" is read too
 * - interested_within: {within: 14d, viewed: true, carted: true}   # viewed and carted default to true
 * - cart_value_at_least: 50
 * </pre>
 */
final class ConditionReader {

    static final String VIEWED_AT_LEAST = "viewed_at_least";
    static final String NOT_IN_CART = "not_in_cart";
    static final String NOT_PURCHASED_WITHIN = "not_purchased_within";
    static final String PRICE_DROP_AT_LEAST = "price_drop_at_least";
    static final String INTERESTED_WITHIN = "interested_within";
    static final String CART_VALUE_AT_LEAST = "cart_value_at_least";

    private static final List<String> NAMES = List.of(VIEWED_AT_LEAST, NOT_IN_CART, NOT_PURCHASED_WITHIN,
            PRICE_DROP_AT_LEAST, INTERESTED_WITHIN, CART_VALUE_AT_LEAST);

    private final NodeReader reader;

    ConditionReader(NodeReader reader) {
        this.reader = reader;
    }

    /** A condition read from the file, with where it was written (for cross-checks). */
    record Located(String name, Condition condition, Node node, String path) {}

    Optional<Located> read(Node node, String path) {
        if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1
                || !(mapping.getValue().get(0).getKeyNode() instanceof ScalarNode)) {
            reader.problem(node, path, "a condition is a map with one key, like \"not_in_cart: true\"; got "
                    + NodeReader.describe(node));
            return Optional.empty();
        }
        NodeTuple tuple = mapping.getValue().get(0);
        String name = ((ScalarNode) tuple.getKeyNode()).getValue();
        String conditionPath = path + "." + name;
        Node value = tuple.getValueNode();
        Optional<Condition> condition = switch (name) {
            case VIEWED_AT_LEAST -> viewedAtLeast(value, conditionPath);
            case NOT_IN_CART -> notInCart(value, conditionPath);
            case NOT_PURCHASED_WITHIN -> reader.duration(value, conditionPath)
                    .flatMap(within -> build(value, conditionPath, () -> new Condition.NotPurchasedWithin(within)));
            case PRICE_DROP_AT_LEAST -> reader.decimal(value, conditionPath, true)
                    .flatMap(percent -> build(value, conditionPath, () -> new Condition.PriceDropAtLeast(percent)));
            case INTERESTED_WITHIN -> interestedWithin(value, conditionPath);
            case CART_VALUE_AT_LEAST -> cartValueAtLeast(value, conditionPath);
            default -> {
                reader.problem(tuple.getKeyNode(), conditionPath,
                        "unknown condition \"" + name + "\"; known conditions: " + String.join(", ", NAMES));
                yield Optional.empty();
            }
        };
        return condition.map(c -> new Located(name, c, node, conditionPath));
    }

    private Optional<Condition> viewedAtLeast(Node value, String path) {
        Optional<Fields> fields = reader.mapping(value, path, List.of("times", "within"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Integer> times = f.require(reader, "times", "write how many views, like times: 2")
                .flatMap(n -> reader.integer(n, f.path("times")));
        Optional<Duration> within = f.require(reader, "within", "write a duration, like within: 24h")
                .flatMap(n -> reader.duration(n, f.path("within")));
        if (times.isEmpty() || within.isEmpty()) {
            return Optional.empty();
        }
        return build(value, path, () -> new Condition.ViewedAtLeast(times.get(), within.get()));
    }

    private Optional<Condition> notInCart(Node value, String path) {
        Optional<Boolean> flag = reader.bool(value, path);
        if (flag.isPresent() && !flag.get()) {
            reader.problem(value, path, "only \"not_in_cart: true\" has a meaning; remove the condition instead");
            return Optional.empty();
        }
        return flag.map(ignored -> new Condition.NotInCart());
    }

    private Optional<Condition> interestedWithin(Node value, String path) {
        Optional<Fields> fields = reader.mapping(value, path, List.of("within", "viewed", "carted"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = reader.problemCount();
        Optional<Duration> within = f.require(reader, "within", "write a duration, like within: 14d")
                .flatMap(n -> reader.duration(n, f.path("within")));
        boolean viewed = f.find("viewed").flatMap(n -> reader.bool(n, f.path("viewed"))).orElse(true);
        boolean carted = f.find("carted").flatMap(n -> reader.bool(n, f.path("carted"))).orElse(true);
        if (reader.problemCount() != before || within.isEmpty()) {
            return Optional.empty();
        }
        return build(value, path, () -> new Condition.InterestedWithin(within.get(), viewed, carted));
    }

    private Optional<Condition> cartValueAtLeast(Node value, String path) {
        Optional<BigDecimal> amount = reader.decimal(value, path, false);
        if (amount.isPresent() && amount.get().signum() < 0) {
            reader.problem(value, path, "the amount must not be negative, got " + amount.get());
            return Optional.empty();
        }
        return amount.flatMap(a -> build(value, path, () -> new Condition.CartValueAtLeast(a)));
    }

    /** Builds a condition; the core's rejection of a value becomes a problem at the value's line. */
    private Optional<Condition> build(Node at, String path, Supplier<Condition> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException e) {
            reader.problem(at, path, e.getMessage());
            return Optional.empty();
        }
    }
}
