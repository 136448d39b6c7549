package dev.herald.core.trigger;

import dev.herald.core.event.EventType;
import java.util.Set;

/**
 * What ends a trigger's occurrence before its message goes out: one of the {@code events} (with {@code anyActivity}:
 * any user activity), or the cart becoming empty. With {@code sameScope}, an event ends only the occurrences it
 * concerns: a purchase of product A ends browse abandonment for A, not for B.
 */
public record Exit(Set<EventType> events, boolean anyActivity, boolean cartEmptied, boolean sameScope) {

    /** No exit criteria. */
    public static final Exit NONE = new Exit(Set.of(), false, false, false);

    public Exit {
        events = Set.copyOf(events);
    }

    /** Whether an event of this type ends occurrences (scope not yet checked). */
    public boolean matches(EventType type) {
        return events.contains(type) || (anyActivity && type.isUserActivity());
    }
}
