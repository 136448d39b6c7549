package dev.herald.app.triggers;

import dev.herald.app.triggers.ConditionReader.Located;
import dev.herald.app.triggers.NodeReader.Fields;
import dev.herald.app.triggers.TriggerFileException.Problem;
import dev.herald.core.event.EventType;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.Condition;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.Entry;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one trigger file's text into its {@link Definitions}: the triggers, and the experiments on them when the
 * file has an {@code experiments:} list. Every problem is collected; one instance per file.
 */
final class TriggerFileReader {

    /** The special entry and exit event name for "any user activity". */
    static final String ANY_ACTIVITY = "any activity";

    /** How long {@code reentry: once} remembers a message. */
    static final Duration ONCE_MEMORY = Duration.ofDays(30);

    private static final List<String> ROOT_FIELDS = List.of("triggers", "experiments");
    private static final List<String> TRIGGER_FIELDS = List.of("id", "name", "kind", "priority", "scope", "entry",
            "wait", "restart_on_entry", "urgency", "exit", "reentry", "channels", "quiet_hours", "variants", "brief");
    private static final List<String> ENTRY_FIELDS = List.of("events", "conditions");
    private static final List<String> EXIT_FIELDS = List.of("events", "cart_emptied", "same_scope");
    private static final List<String> BRIEF_FIELDS = List.of("goal", "tone", "call_to_action", "allowed_claims",
            "user_facts", "angles");
    private static final String DURATION_HINT = "write a duration like 30m, 1h or 7d";
    private static final String REENTRY_HINT = "write once, always, {once: 60d} or {cooldown: 30d}";

    /** The entry events whose payload names a product, which a product-scoped trigger needs. */
    private static final Set<EventType> PRODUCT_EVENTS = EnumSet.of(EventType.PRODUCT_VIEWED,
            EventType.PRODUCT_ADDED, EventType.PRODUCT_REMOVED, EventType.PRICE_CHANGED, EventType.ORDER_COMPLETED);

    private final String source;
    private final NodeReader reader;
    private final ConditionReader conditions;
    /** The id node of each trigger read so far, to report a repeated id with where it was first used. */
    private final Map<String, Node> ids = new HashMap<>();

    TriggerFileReader(String source) {
        this.source = source;
        this.reader = new NodeReader(source);
        this.conditions = new ConditionReader(reader);
    }

    /**
     * Reads the file.
     *
     * @throws TriggerFileException listing every problem, when there is any
     */
    Definitions read(String yamlText) {
        List<TriggerDefinition> definitions = new ArrayList<>();
        Optional<Fields> root = compose(yamlText).flatMap(node -> reader.mapping(node, "", ROOT_FIELDS));
        root.ifPresent(fields -> readTriggers(fields, definitions));
        TriggerSet triggers = null;
        if (reader.problemCount() == 0) {
            try {
                triggers = TriggerSet.of(definitions);
            } catch (IllegalArgumentException e) {
                // Ids are checked above; this is the core's last word on the set as a whole.
                reader.problem(0, "triggers", e.getMessage());
            }
        }
        ExperimentReader experimentReader = new ExperimentReader(reader, triggers);
        List<Experiment> experiments = root.flatMap(fields -> fields.find("experiments"))
                .map(node -> experimentReader.readList(node, "experiments")).orElse(List.of()).stream()
                .map(ExperimentReader.Read::experiment).toList();
        if (reader.problemCount() > 0) {
            throw new TriggerFileException(reader.problems());
        }
        try {
            return new Definitions(triggers, ExperimentSet.of(experiments, triggers));
        } catch (IllegalArgumentException e) {
            throw new TriggerFileException(List.of(new Problem(source, 0, "experiments", e.getMessage())));
        }
    }

    private Optional<Node> compose(String yamlText) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(yamlText);
            if (root.isEmpty() || NodeReader.isNull(root.get())) {
                reader.problem(1, "", "the file is empty; it needs a list of triggers under \"triggers:\"");
                return Optional.empty();
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
            reader.problem(line, "", "not valid YAML: " + syntaxMessage(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            reader.problem(0, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (context.isEmpty()) {
            return problem;
        }
        String where = e.getContextMark().map(Mark::getLine).map(line -> " (line " + (line + 1) + ")").orElse("");
        return context + where + ": " + problem;
    }

    private void readTriggers(Fields fields, List<TriggerDefinition> definitions) {
        Optional<List<Node>> items = fields.require(reader, "triggers", "write a list of triggers")
                .flatMap(node -> reader.sequence(node, "triggers", "\"- id: abandoned_cart ...\""));
        if (items.isEmpty()) {
            return;
        }
        for (int i = 0; i < items.get().size(); i++) {
            readTrigger(items.get().get(i), "triggers[" + i + "]").ifPresent(definitions::add);
        }
    }

    private Optional<TriggerDefinition> readTrigger(Node node, String path) {
        int before = reader.problemCount();
        Optional<Fields> fields = reader.mapping(node, path, TRIGGER_FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        String id = f.require(reader, "id", "write a name like abandoned_cart")
                .flatMap(n -> reader.text(n, f.path("id")).filter(value -> uniqueId(value, n, f.path("id"))))
                .orElse(null);
        String name = f.find("name").flatMap(n -> reader.text(n, f.path("name"))).orElse(null);
        MessageKind kind = f.require(reader, "kind", "write marketing or transactional")
                .flatMap(n -> choice(n, f.path("kind"), MessageKind.class, "kind")).orElse(null);
        int priority = f.find("priority").flatMap(n -> reader.integer(n, f.path("priority"))).orElse(0);
        Scope scope = f.require(reader, "scope", "write user, cart, product or order")
                .flatMap(n -> choice(n, f.path("scope"), Scope.class, "scope")).orElse(null);
        Optional<ReadEntry> entry = f.require(reader, "entry", "write the events that start the trigger")
                .flatMap(n -> readEntry(n, f.path("entry")));
        Duration wait = f.require(reader, "wait", DURATION_HINT)
                .flatMap(n -> reader.duration(n, f.path("wait"))).orElse(null);
        boolean restart = f.find("restart_on_entry").flatMap(n -> reader.bool(n, f.path("restart_on_entry")))
                .orElse(false);
        Duration urgency = f.require(reader, "urgency", DURATION_HINT)
                .flatMap(n -> reader.duration(n, f.path("urgency"))).orElse(null);
        Exit exit = f.find("exit").flatMap(n -> readExit(n, f.path("exit"), scope)).orElse(Exit.NONE);
        Reentry reentry = f.find("reentry").flatMap(n -> readReentry(n, f.path("reentry")))
                .orElse(new Reentry.Once(ONCE_MEMORY));
        List<Channel> channels = f.require(reader, "channels", "write a list like [email, push]")
                .flatMap(n -> readChannels(n, f.path("channels"))).orElse(null);
        boolean quietHours = f.find("quiet_hours").flatMap(n -> reader.bool(n, f.path("quiet_hours")))
                .orElse(true);
        List<String> variants = f.find("variants")
                .flatMap(n -> reader.texts(n, f.path("variants"), "[default, short]")).orElse(List.of("default"));
        ContentBrief brief = f.require(reader, "brief", "write at least the goal of the message")
                .flatMap(n -> readBrief(n, f.path("brief"))).orElse(null);
        if (brief != null) {
            for (String variant : brief.variantAngles().keySet()) {
                if (!variants.contains(variant)) {
                    reader.problem(f.find("brief").orElseThrow(), f.path("brief") + ".angles." + variant,
                            "no variant named " + variant + "; the trigger's variants are " + variants);
                }
            }
        }
        if (scope != null && entry.isPresent()) {
            crossCheck(scope, entry.get());
        }
        if (reader.problemCount() != before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TriggerDefinition(id, name, kind, priority, scope, entry.get().entry(), wait,
                    restart, urgency, exit, reentry, channels, quietHours, variants, brief));
        } catch (IllegalArgumentException e) {
            reader.problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean uniqueId(String id, Node node, String path) {
        Node first = ids.putIfAbsent(id, node);
        if (first != null) {
            reader.problem(node, path, "\"" + id + "\" is already the id of the trigger on line "
                    + NodeReader.line(first) + "; ids must be unique");
            return false;
        }
        return true;
    }

    private <E extends Enum<E>> Optional<E> choice(Node node, String path, Class<E> type, String what) {
        Optional<String> text = reader.text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return Optional.of(constant);
            }
        }
        String choices = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        reader.problem(node, path, "\"" + text.get() + "\" is not a " + what + "; write one of " + choices);
        return Optional.empty();
    }

    /** An entry with where its parts were written, for the cross-checks. */
    private record ReadEntry(Entry entry, Node eventsNode, String eventsPath, List<Located> conditions) {}

    private Optional<ReadEntry> readEntry(Node node, String path) {
        Optional<Fields> fields = reader.mapping(node, path, ENTRY_FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = reader.problemCount();
        Optional<Node> eventsNode = f.require(reader, "events", "write a list like [Product Added]");
        Optional<EventList> events = eventsNode.flatMap(n -> readEvents(n, f.path("events")));
        List<Located> located = new ArrayList<>();
        f.find("conditions").flatMap(n -> reader.sequence(n, f.path("conditions"), "[not_in_cart: true]"))
                .ifPresent(items -> {
                    for (int i = 0; i < items.size(); i++) {
                        conditions.read(items.get(i), f.path("conditions") + "[" + i + "]").ifPresent(located::add);
                    }
                });
        if (reader.problemCount() != before || events.isEmpty()) {
            return Optional.empty();
        }
        List<Condition> read = located.stream().map(Located::condition).toList();
        try {
            Entry entry = new Entry(events.get().types(), events.get().anyActivity(), read);
            return Optional.of(new ReadEntry(entry, eventsNode.get(), f.path("events"), located));
        } catch (IllegalArgumentException e) {
            reader.problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private record EventList(Set<EventType> types, boolean anyActivity) {}

    private Optional<EventList> readEvents(Node node, String path) {
        Optional<List<Node>> items = reader.sequence(node, path, "[Product Added, Order Completed]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int before = reader.problemCount();
        Set<EventType> types = new LinkedHashSet<>();
        boolean anyActivity = false;
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> name = reader.text(item, itemPath);
            if (name.isEmpty()) {
                continue;
            }
            if (isAnyActivity(name.get())) {
                anyActivity = true;
                continue;
            }
            Optional<EventType> type = EventType.find(name.get());
            if (type.isPresent()) {
                types.add(type.get());
            } else {
                reader.problem(item, itemPath, "\"" + name.get() + "\" is not an event Herald knows; write one of "
                        + knownEvents() + ", or \"" + ANY_ACTIVITY + "\"");
            }
        }
        return reader.problemCount() == before ? Optional.of(new EventList(types, anyActivity)) : Optional.empty();
    }

    private static boolean isAnyActivity(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").equals(ANY_ACTIVITY);
    }

    private static String knownEvents() {
        return Arrays.stream(EventType.values()).map(EventType::displayName).collect(Collectors.joining(", "));
    }

    private Optional<Exit> readExit(Node node, String path, Scope scope) {
        Optional<Fields> fields = reader.mapping(node, path, EXIT_FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = reader.problemCount();
        EventList events = f.find("events").flatMap(n -> readEvents(n, f.path("events")))
                .orElse(new EventList(Set.of(), false));
        boolean cartEmptied = f.find("cart_emptied").flatMap(n -> reader.bool(n, f.path("cart_emptied")))
                .orElse(false);
        boolean sameScope = f.find("same_scope").flatMap(n -> reader.bool(n, f.path("same_scope"))).orElse(false);
        if (cartEmptied && scope != null && scope != Scope.CART) {
            reader.problem(f.find("cart_emptied").orElseThrow(), f.path("cart_emptied"),
                    "cart_emptied needs scope cart; this trigger's scope is " + scope.name().toLowerCase(Locale.ROOT));
        }
        if (reader.problemCount() != before) {
            return Optional.empty();
        }
        return Optional.of(new Exit(events.types(), events.anyActivity(), cartEmptied, sameScope));
    }

    private Optional<Reentry> readReentry(Node node, String path) {
        if (node instanceof ScalarNode) {
            Optional<String> text = reader.text(node, path);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return switch (text.get().toLowerCase(Locale.ROOT)) {
                case "once" -> Optional.of(new Reentry.Once(ONCE_MEMORY));
                case "always" -> Optional.of(new Reentry.Always());
                default -> {
                    reader.problem(node, path, "\"" + text.get() + "\" is not a re-entry rule; " + REENTRY_HINT);
                    yield Optional.empty();
                }
            };
        }
        if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            reader.problem(node, path, "expected a re-entry rule, got " + NodeReader.describe(node) + "; "
                    + REENTRY_HINT);
            return Optional.empty();
        }
        Optional<Fields> fields = reader.mapping(node, path, List.of("once", "cooldown"));
        Optional<Map.Entry<String, Node>> rule = fields.flatMap(Fields::single);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        String rulePath = path + "." + rule.get().getKey();
        Node value = rule.get().getValue();
        Optional<Duration> period = reader.duration(value, rulePath);
        if (period.isEmpty()) {
            return Optional.empty();
        }
        if (period.get().isZero()) {
            reader.problem(value, rulePath, "must be longer than 0; write always for no limit");
            return Optional.empty();
        }
        return Optional.of(rule.get().getKey().equals("once") ? new Reentry.Once(period.get())
                : new Reentry.Cooldown(period.get()));
    }

    private Optional<List<Channel>> readChannels(Node node, String path) {
        Optional<List<Node>> items = reader.sequence(node, path, "[email, push]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int before = reader.problemCount();
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> name = reader.text(item, itemPath);
            if (name.isEmpty()) {
                continue;
            }
            Optional<Channel> channel = Channel.find(name.get());
            if (channel.isEmpty()) {
                reader.problem(item, itemPath, "\"" + name.get() + "\" is not a channel; write one of "
                        + Arrays.stream(Channel.values()).map(Channel::key).collect(Collectors.joining(", ")));
            } else if (channels.contains(channel.get())) {
                reader.problem(item, itemPath, "channel " + channel.get() + " is listed twice");
            } else {
                channels.add(channel.get());
            }
        }
        return reader.problemCount() == before ? Optional.of(channels) : Optional.empty();
    }

    private static Optional<ContentBrief.UserFact> userFact(String name) {
        for (ContentBrief.UserFact fact : ContentBrief.UserFact.values()) {
            if (fact.key().equals(name)) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    private Optional<ContentBrief> readBrief(Node node, String path) {
        Optional<Fields> fields = reader.mapping(node, path, BRIEF_FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = reader.problemCount();
        Optional<String> goal = f.require(reader, "goal", "say what the message should achieve")
                .flatMap(n -> reader.text(n, f.path("goal")));
        String tone = f.find("tone").flatMap(n -> reader.text(n, f.path("tone"))).orElse("");
        String callToAction = f.find("call_to_action").flatMap(n -> reader.text(n, f.path("call_to_action")))
                .orElse("");
        List<String> claims = f.find("allowed_claims")
                .flatMap(n -> reader.texts(n, f.path("allowed_claims"), "[\"code WELCOME10: 10% off\"]"))
                .orElse(List.of());
        List<ContentBrief.UserFact> userFacts = new ArrayList<>();
        f.find("user_facts").flatMap(n -> reader.texts(n, f.path("user_facts"), "[order_count]")).ifPresent(
                names -> names.forEach(name -> userFact(name).ifPresentOrElse(userFacts::add,
                        () -> reader.problem(f.find("user_facts").orElseThrow(), f.path("user_facts"),
                                "unknown user fact \"" + name + "\"; use order_count or average_order_value"))));
        Map<String, String> angles = new LinkedHashMap<>();
        f.find("angles").flatMap(n -> reader.mapping(n, f.path("angles"), null)).ifPresent(a -> a.keys()
                .forEach(key -> a.find(key).flatMap(n -> reader.text(n, a.path(key)))
                        .ifPresent(angle -> angles.put(key, angle))));
        if (reader.problemCount() != before || goal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentBrief(goal.get(), tone, callToAction, claims, userFacts, angles));
    }

    /** Checks that go across fields: the scope and conditions must fit the entry events. */
    private void crossCheck(Scope scope, ReadEntry entry) {
        Set<EventType> events = entry.entry().events();
        boolean onlyPriceChanged = events.equals(Set.of(EventType.PRICE_CHANGED)) && !entry.entry().anyActivity();
        boolean allCarryProducts = !entry.entry().anyActivity() && PRODUCT_EVENTS.containsAll(events);
        for (Located condition : entry.conditions()) {
            String name = condition.name();
            boolean priceOnly = name.equals(ConditionReader.PRICE_DROP_AT_LEAST)
                    || name.equals(ConditionReader.INTERESTED_WITHIN);
            boolean aboutProduct = name.equals(ConditionReader.VIEWED_AT_LEAST)
                    || name.equals(ConditionReader.NOT_IN_CART) || name.equals(ConditionReader.NOT_PURCHASED_WITHIN);
            if (priceOnly && !onlyPriceChanged) {
                reader.problem(condition.node(), condition.path(),
                        name + " applies only to the entry event Price Changed; this entry has " + names(entry));
            } else if (aboutProduct && !allCarryProducts) {
                reader.problem(condition.node(), condition.path(), name + " is about the product in the event; "
                        + "every entry event must carry a product (" + productEventNames() + "); this entry has "
                        + names(entry));
            }
        }
        if (scope == Scope.PRODUCT && !allCarryProducts) {
            reader.problem(entry.eventsNode(), entry.eventsPath(), "scope product needs entry events that carry a "
                    + "product (" + productEventNames() + "); this entry has " + names(entry));
        }
    }

    private static String names(ReadEntry entry) {
        List<String> names = new ArrayList<>(entry.entry().events().stream().map(EventType::displayName).sorted()
                .toList());
        if (entry.entry().anyActivity()) {
            names.add(ANY_ACTIVITY);
        }
        return String.join(", ", names);
    }

    private static String productEventNames() {
        return PRODUCT_EVENTS.stream().map(EventType::displayName).collect(Collectors.joining(", "));
    }
}
