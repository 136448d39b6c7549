package dev.herald.server.segment;

import dev.herald.core.event.Event;
import java.util.List;

/**
 * What {@link SegmentParser} made of one Segment call: the events read and, for every part that could not be read,
 * a reason naming the field, such as {@code "timestamp": "yesterday" is not an ISO-8601 time with offset, ...}. A
 * single call gives either one event or one problem; a batch gives the events of its good items and one problem per
 * bad item (prefixed with the item's index, {@code "batch[3].timestamp": ...}).
 */
public record SegmentResult(List<Event> events, List<String> problems) {

    public SegmentResult {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** A result with one problem and no event. */
    static SegmentResult failure(String problem) {
        return new SegmentResult(List.of(), List.of(problem));
    }

    /** Whether everything in the call was read. */
    public boolean isOk() {
        return problems.isEmpty();
    }
}
