package dev.herald.core.trigger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The triggers an engine runs, in a fixed order: highest priority first, then by id. A trigger's index in this
 * order is how the compact per-user state refers to it.
 */
public final class TriggerSet {

    private final List<TriggerDefinition> triggers;

    private TriggerSet(List<TriggerDefinition> triggers) {
        this.triggers = triggers;
    }

    /**
     * Orders and checks a list of definitions.
     *
     * @throws IllegalArgumentException when two definitions share an id, naming it
     */
    public static TriggerSet of(List<TriggerDefinition> definitions) {
        Set<String> ids = new HashSet<>();
        for (TriggerDefinition definition : definitions) {
            if (!ids.add(definition.id())) {
                throw new IllegalArgumentException("trigger id \"" + definition.id() + "\" is defined twice");
            }
        }
        List<TriggerDefinition> ordered = new ArrayList<>(definitions);
        ordered.sort(Comparator.comparingInt(TriggerDefinition::priority).reversed()
                .thenComparing(TriggerDefinition::id));
        return new TriggerSet(List.copyOf(ordered));
    }

    /** The definitions, highest priority first. */
    public List<TriggerDefinition> all() {
        return triggers;
    }

    /** The definition at an index of {@link #all()}. */
    public TriggerDefinition get(int index) {
        return triggers.get(index);
    }

    public int size() {
        return triggers.size();
    }

    /** The definition with this id. */
    public Optional<TriggerDefinition> find(String id) {
        return triggers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The index of a definition with this id, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < triggers.size(); i++) {
            if (triggers.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
