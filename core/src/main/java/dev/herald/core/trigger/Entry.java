package dev.herald.core.trigger;

import dev.herald.core.event.EventType;
import java.util.List;
import java.util.Set;

/**
 * What starts a trigger's timer: one of the {@code events} (an empty set with {@code anyActivity} means any user
 * activity) that meets every condition.
 */
public record Entry(Set<EventType> events, boolean anyActivity, List<Condition> conditions) {

    public Entry {
        events = Set.copyOf(events);
        conditions = List.copyOf(conditions);
        if (events.isEmpty() && !anyActivity) {
            throw new IllegalArgumentException("an entry needs at least one event, or any activity");
        }
    }

    /** Whether an event of this type can start the trigger (conditions not yet checked). */
    public boolean matches(EventType type) {
        return events.contains(type) || (anyActivity && type.isUserActivity());
    }
}
