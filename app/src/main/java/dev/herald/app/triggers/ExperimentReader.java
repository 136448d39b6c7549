package dev.herald.app.triggers;

import dev.herald.app.triggers.NodeReader.Fields;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Variant;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.core.util.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the {@code experiments:} list of a trigger file or of an experiments file, checking each experiment against
 * the triggers it tests; every problem is collected with its line and field path, as for triggers:
 *
 * <pre>
 * experiments:
 *   - name: cart_copy
 *     trigger: abandoned_cart
 *     variants:
 *       - {name: control, weight: 1}
 *       - {name: short, weight: 1, content: short, channel: sms, delay: 30m}
 *     holdout: 10%
 *     start: 2024-05-01T00:00:00Z
 *     metric: conversion
 * </pre>
 */
final class ExperimentReader {

    /** The floor of a bandit written without one. */
    static final double DEFAULT_FLOOR = 0.05;

    private static final List<String> FIELDS = List.of("name", "trigger", "seed", "variants", "control", "holdout",
            "start", "stop", "metric", "guardrails", "conversion_window", "allocation");
    private static final List<String> VARIANT_FIELDS = List.of("name", "weight", "content", "channel", "delay");
    private static final String ALLOCATION_HINT = "write fixed, bandit or {bandit: {floor: 0.05}}";

    private final NodeReader reader;
    private final TriggerSet triggers;
    /** The name node of each experiment read so far, to report a repeated name where it was first used. */
    private final Map<String, Node> names = new HashMap<>();

    /** @param triggers the triggers to check against, or null when they could not be read (checks are skipped) */
    ExperimentReader(NodeReader reader, TriggerSet triggers) {
        this.reader = reader;
        this.triggers = triggers;
    }

    /** An experiment with the node of its trigger field, to report an overlap there. */
    record Read(Experiment experiment, Node node, String path) {}

    /** Reads the list under {@code experiments:}. */
    List<Read> readList(Node node, String path) {
        List<Read> read = new ArrayList<>();
        Optional<List<Node>> items = reader.sequence(node, path, "\"- name: cart_copy ...\"");
        if (items.isEmpty()) {
            return read;
        }
        for (int i = 0; i < items.get().size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = items.get().get(i);
            readExperiment(item, itemPath).ifPresent(experiment -> {
                for (Read earlier : read) {
                    if (experiment.overlaps(earlier.experiment())) {
                        reader.problem(item, itemPath, ExperimentSet.overlapProblem(experiment,
                                earlier.experiment()).replace("experiment " + earlier.experiment().name(),
                                        "experiment " + earlier.experiment().name() + " (line "
                                                + NodeReader.line(earlier.node()) + ")"));
                        return;
                    }
                }
                read.add(new Read(experiment, item, itemPath));
            });
        }
        return read;
    }

    private Optional<Experiment> readExperiment(Node node, String path) {
        int before = reader.problemCount();
        Optional<Fields> fields = reader.mapping(node, path, FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        String name = f.require(reader, "name", "write a name like cart_copy")
                .flatMap(n -> reader.text(n, f.path("name")).filter(value -> uniqueName(value, n, f.path("name"))))
                .orElse(null);
        Optional<TriggerDefinition> trigger = f.require(reader, "trigger", "write the id of the trigger tested")
                .flatMap(n -> trigger(n, f.path("trigger")));
        String triggerId = f.find("trigger").flatMap(n -> n instanceof ScalarNode s ? Optional.of(s.getValue())
                : Optional.empty()).orElse(null);
        String seed = f.find("seed").flatMap(n -> reader.text(n, f.path("seed"))).orElse(null);
        List<Variant> variants = f.require(reader, "variants", "write a list like [{name: control, weight: 1}]")
                .flatMap(n -> readVariants(n, f.path("variants"), trigger)).orElse(null);
        String control = f.find("control").flatMap(n -> reader.text(n, f.path("control"))).orElse(null);
        if (control != null && variants != null && variants.stream().noneMatch(v -> v.name().equals(control))) {
            reader.problem(f.find("control").orElseThrow(), f.path("control"), "\"" + control + "\" is not one of"
                    + " the variants " + variants.stream().map(Variant::name).toList());
        }
        double holdout = f.find("holdout").flatMap(n -> share(n, f.path("holdout"))).orElse(0.0);
        Instant start = f.find("start").flatMap(n -> instant(n, f.path("start"))).orElse(null);
        Instant stop = f.find("stop").flatMap(n -> instant(n, f.path("stop"))).orElse(null);
        Metric metric = f.find("metric").flatMap(n -> metric(n, f.path("metric"))).orElse(Metric.CONVERSION);
        List<Guardrail> guardrails = f.find("guardrails").flatMap(n -> guardrails(n, f.path("guardrails")))
                .orElse(List.of(Guardrail.UNSUBSCRIBE));
        Duration window = f.find("conversion_window").flatMap(n -> reader.duration(n, f.path("conversion_window")))
                .orElse(Experiment.DEFAULT_CONVERSION_WINDOW);
        Allocation allocation = f.find("allocation").flatMap(n -> allocation(n, f.path("allocation")))
                .orElse(new Allocation.Fixed());
        if (reader.problemCount() != before || name == null || variants == null || triggerId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Experiment(name, triggerId, seed, variants, control, holdout, start, stop, metric,
                    guardrails, window, allocation));
        } catch (IllegalArgumentException e) {
            reader.problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean uniqueName(String name, Node node, String path) {
        Node first = names.putIfAbsent(name, node);
        if (first != null) {
            reader.problem(node, path, "\"" + name + "\" is already the name of the experiment on line "
                    + NodeReader.line(first) + "; names must be unique");
            return false;
        }
        return true;
    }

    /** The trigger tested, or empty (with a problem when the triggers are known and it is not among them). */
    private Optional<TriggerDefinition> trigger(Node node, String path) {
        Optional<String> id = reader.text(node, path);
        if (id.isEmpty() || triggers == null) {
            return Optional.empty();
        }
        Optional<TriggerDefinition> found = triggers.find(id.get());
        if (found.isEmpty()) {
            reader.problem(node, path, "no trigger \"" + id.get() + "\"; the triggers are " + triggers.all().stream()
                    .map(TriggerDefinition::id).collect(Collectors.joining(", ")));
        }
        return found;
    }

    private Optional<List<Variant>> readVariants(Node node, String path, Optional<TriggerDefinition> trigger) {
        Optional<List<Node>> items = reader.sequence(node, path, "[{name: control, weight: 1}]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int before = reader.problemCount();
        List<Variant> variants = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.get().size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = items.get().get(i);
            Optional<Variant> variant = readVariant(item, itemPath, trigger);
            if (variant.isPresent()) {
                Node first = seen.putIfAbsent(variant.get().name(), item);
                if (first != null) {
                    reader.problem(item, itemPath + ".name", "variant \"" + variant.get().name()
                            + "\" is already defined on line " + NodeReader.line(first));
                }
                variants.add(variant.get());
            }
        }
        if (reader.problemCount() == before && variants.isEmpty()) {
            reader.problem(node, path, "an experiment needs at least one variant");
        }
        return reader.problemCount() == before ? Optional.of(variants) : Optional.empty();
    }

    private Optional<Variant> readVariant(Node node, String path, Optional<TriggerDefinition> trigger) {
        int before = reader.problemCount();
        Optional<Fields> fields = reader.mapping(node, path, VARIANT_FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.require(reader, "name", "write a name like control").flatMap(n -> reader.text(n,
                f.path("name")));
        name.filter(Assignment.HOLDOUT::equals).ifPresent(n -> reader.problem(f.find("name").orElseThrow(),
                f.path("name"), "\"" + Assignment.HOLDOUT + "\" names the users held out; set their share with"
                        + " holdout: and give the variant another name"));
        double weight = f.find("weight").flatMap(n -> positive(n, f.path("weight"))).orElse(1.0);
        String content = f.find("content").flatMap(n -> reader.text(n, f.path("content"))).orElse(null);
        trigger.filter(t -> content != null && !t.variants().contains(content)).ifPresent(t -> reader.problem(
                f.find("content").orElseThrow(), f.path("content"), "trigger " + t.id() + " has no content variant \""
                        + content + "\"; its variants are " + String.join(", ", t.variants())));
        Channel channel = f.find("channel").flatMap(n -> channel(n, f.path("channel"))).orElse(null);
        trigger.filter(t -> channel != null && !t.channels().contains(channel)).ifPresent(t -> reader.problem(
                f.find("channel").orElseThrow(), f.path("channel"), "trigger " + t.id() + " may not write on "
                        + channel + "; its channels are " + t.channels().stream().map(Channel::key)
                                .collect(Collectors.joining(", "))));
        Duration delay = f.find("delay").flatMap(n -> reader.duration(n, f.path("delay"))).orElse(Duration.ZERO);
        trigger.filter(t -> delay.compareTo(t.urgency()) > 0).ifPresent(t -> reader.problem(
                f.find("delay").orElseThrow(), f.path("delay"), DurationText.format(delay) + " is longer than"
                        + " trigger " + t.id() + "'s urgency window (" + DurationText.format(t.urgency())
                        + "): the message must go out within it"));
        if (reader.problemCount() != before || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Variant(name.get(), weight, content, channel, delay));
        } catch (IllegalArgumentException e) {
            reader.problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Double> positive(Node node, String path) {
        Optional<BigDecimal> value = reader.decimal(node, path, true);
        if (value.isPresent() && value.get().signum() <= 0) {
            reader.problem(node, path, "a weight must be more than 0, got " + value.get().toPlainString());
            return Optional.empty();
        }
        return value.map(BigDecimal::doubleValue);
    }

    /** A share written as {@code 0.1} or {@code 10%}, between 0 and the largest holdout. */
    private Optional<Double> share(Node node, String path) {
        boolean percent = node instanceof ScalarNode scalar && scalar.getValue().trim().endsWith("%");
        Optional<BigDecimal> value = reader.decimal(node, path, true);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double share = percent ? value.get().doubleValue() / 100 : value.get().doubleValue();
        if (share < 0 || share > Experiment.MAX_HOLDOUT) {
            reader.problem(node, path, "the holdout must be between 0 and " + Experiment.MAX_HOLDOUT
                    + " (50%), got " + ((ScalarNode) node).getValue().trim());
            return Optional.empty();
        }
        return Optional.of(share);
    }

    private Optional<Instant> instant(Node node, String path) {
        Optional<String> text = reader.text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            reader.problem(node, path, "\"" + text.get() + "\" is not an instant; write an ISO-8601 time in UTC like"
                    + " 2024-05-01T00:00:00Z");
            return Optional.empty();
        }
    }

    private Optional<Metric> metric(Node node, String path) {
        return reader.text(node, path).flatMap(text -> Metric.find(text).or(() -> {
            reader.problem(node, path, "\"" + text + "\" is not a metric; write one of " + Arrays
                    .stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", ")));
            return Optional.empty();
        }));
    }

    private Optional<List<Guardrail>> guardrails(Node node, String path) {
        Optional<List<String>> names = reader.texts(node, path, "[unsubscribe]");
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Guardrail> guardrails = new ArrayList<>();
        for (String name : names.get()) {
            Optional<Guardrail> guardrail = Guardrail.find(name);
            if (guardrail.isEmpty()) {
                reader.problem(node, path, "\"" + name + "\" is not a guardrail; write one of " + Arrays
                        .stream(Guardrail.values()).map(Guardrail::key).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
            guardrails.add(guardrail.get());
        }
        return Optional.of(guardrails);
    }

    private Optional<Channel> channel(Node node, String path) {
        return reader.text(node, path).flatMap(text -> Channel.find(text).or(() -> {
            reader.problem(node, path, "\"" + text + "\" is not a channel; write one of " + Arrays
                    .stream(Channel.values()).map(Channel::key).collect(Collectors.joining(", ")));
            return Optional.empty();
        }));
    }

    private Optional<Allocation> allocation(Node node, String path) {
        if (node instanceof ScalarNode) {
            return reader.text(node, path).flatMap(text -> switch (text) {
                case "fixed" -> Optional.of(new Allocation.Fixed());
                case "bandit" -> Optional.of(new Allocation.Bandit(DEFAULT_FLOOR));
                default -> {
                    reader.problem(node, path, "\"" + text + "\" is not an allocation; " + ALLOCATION_HINT);
                    yield Optional.empty();
                }
            });
        }
        if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            reader.problem(node, path, "expected an allocation, got " + NodeReader.describe(node) + "; "
                    + ALLOCATION_HINT);
            return Optional.empty();
        }
        Optional<Fields> bandit = reader.mapping(node, path, List.of("bandit"));
        if (bandit.isEmpty() || bandit.get().find("bandit").isEmpty()) {
            return bandit.isEmpty() ? Optional.empty() : Optional.of(new Allocation.Bandit(DEFAULT_FLOOR));
        }
        String banditPath = path + ".bandit";
        Optional<Fields> settings = reader.mapping(bandit.get().find("bandit").orElseThrow(), banditPath,
                List.of("floor"));
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> floorNode = settings.get().find("floor");
        if (floorNode.isEmpty()) {
            return Optional.of(new Allocation.Bandit(DEFAULT_FLOOR));
        }
        Optional<BigDecimal> floor = reader.decimal(floorNode.get(), banditPath + ".floor", false);
        if (floor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Allocation.Bandit(floor.get().doubleValue()));
        } catch (IllegalArgumentException e) {
            reader.problem(floorNode.get(), banditPath + ".floor", e.getMessage());
            return Optional.empty();
        }
    }
}
