package dev.herald.core.engine;

import dev.herald.core.event.Event;
import dev.herald.core.state.Armed;
import dev.herald.core.state.FiredMark;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.UserState;
import dev.herald.core.state.codec.CorruptSnapshotException;
import dev.herald.core.state.codec.EventCodec;
import dev.herald.core.state.codec.SnapshotFormat;
import dev.herald.core.state.codec.SnapshotInput;
import dev.herald.core.state.codec.SnapshotOutput;
import dev.herald.core.state.codec.StateCodec;
import dev.herald.core.trigger.TriggerDefinition;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of an engine snapshot (see {@link Engine#snapshot}), after the {@linkplain SnapshotFormat header} with
 * kind {@code 'E'}:
 *
 * <ol>
 *   <li>the trigger ids, in the set's order (states refer to triggers by index, so a snapshot is restored only under
 *       the same triggers);
 *   <li>engine time, the processed and late counters;
 *   <li>the user states, in the order the engine first saw the users (which orders wake-ups due at the same time);
 *   <li>the interest index: each product some user remembers, sorted by id, with those users (as positions in the
 *       list above) in the order the index fans price changes out in;
 *   <li>the event orderer: its arrival count, latest time seen and watermark, and its held events, each with its
 *       arrival number (the queued ones in release order, then the ones appended since the last release);
 *   <li>an end byte, so that a snapshot cut at a section boundary is caught too.
 * </ol>
 *
 * <p>Reading checks what it can: counts against limits, user ids unique, trigger indices in range, the interest
 * index against the users' remembered products, the held events' order.
 */
final class EngineSnapshot {

    /** The kind byte of an engine snapshot. */
    static final int KIND = 'E';

    private static final int END = 0x7e;
    private static final int MAX_TRIGGERS = 1 << 16;
    private static final int MAX_USERS = Integer.MAX_VALUE - 8;
    private static final int MAX_EVENTS = Integer.MAX_VALUE - 8;

    /** Users interested in a product, as positions in the snapshot's list of users, in fan-out order. */
    record Fanout(String productId, int[] users) {}

    /** What an engine snapshot holds. */
    record Contents(
            List<String> triggerIds,
            long now,
            long processed,
            long late,
            List<UserState> users,
            List<Fanout> interest,
            EventOrderer.Buffered orderer) {}

    private EngineSnapshot() {}

    static void write(Contents contents, OutputStream stream) throws IOException {
        DataOutputStream data = new DataOutputStream(stream);
        SnapshotOutput out = new SnapshotOutput(data);
        SnapshotFormat.writeHeader(out, KIND);
        out.count(contents.triggerIds().size());
        for (String id : contents.triggerIds()) {
            out.string(id);
        }
        out.time(contents.now());
        out.number(contents.processed());
        out.number(contents.late());
        out.count(contents.users().size());
        for (UserState state : contents.users()) {
            StateCodec.write(state, out);
        }
        out.count(contents.interest().size());
        for (Fanout fanout : contents.interest()) {
            out.shared(fanout.productId());
            out.count(fanout.users().length);
            for (int position : fanout.users()) {
                out.count(position);
            }
        }
        EventOrderer.Buffered orderer = contents.orderer();
        out.number(orderer.arrivals());
        out.time(orderer.latestSeen());
        out.time(orderer.releasedUpTo());
        for (List<EventOrderer.Held> events : List.of(orderer.held(), orderer.unsorted())) {
            out.count(events.size());
            for (EventOrderer.Held held : events) {
                out.number(held.arrival());
                EventCodec.write(held.event(), out);
            }
        }
        out.u8(END);
        out.flush();
        data.flush();
    }

    /**
     * Reads a snapshot for an engine of these triggers.
     *
     * @param indexed whether the engine keeps an interest index (some trigger enters on price changes)
     * @throws IllegalArgumentException when the snapshot was taken with other triggers
     * @throws CorruptSnapshotException when it is truncated, of another version or corrupt
     */
    static Contents read(InputStream stream, List<TriggerDefinition> triggers, boolean indexed) throws IOException {
        SnapshotInput in = new SnapshotInput(new DataInputStream(new BufferedInputStream(stream, 1 << 16)));
        SnapshotFormat.readHeader(in, KIND, "an engine snapshot");
        List<String> triggerIds = triggerIds(in);
        List<String> expected = triggers.stream().map(TriggerDefinition::id).toList();
        if (!triggerIds.equals(expected)) {
            throw new IllegalArgumentException("the snapshot was taken with the triggers " + triggerIds
                    + "; this engine has " + expected + " (states refer to triggers by position)");
        }
        long now = in.time("now");
        long processed = in.number("processed");
        long late = in.number("late");
        List<UserState> users = users(in, triggers.size());
        List<Fanout> interest = interest(in, users, indexed);
        EventOrderer.Buffered orderer = orderer(in);
        int end = in.u8("end");
        if (end != END) {
            throw in.corrupt("end", "expected the end byte " + END + ", got " + end);
        }
        return new Contents(triggerIds, now, processed, late, users, interest, orderer);
    }

    private static List<String> triggerIds(SnapshotInput in) throws IOException {
        int count = in.count("triggers", MAX_TRIGGERS);
        List<String> ids = SnapshotInput.listFor(count);
        in.enter("triggers");
        for (int i = 0; i < count; i++) {
            in.at(i);
            ids.add(in.string("id"));
        }
        in.leave();
        return ids;
    }

    private static List<UserState> users(SnapshotInput in, int triggers) throws IOException {
        int count = in.count("users", MAX_USERS);
        List<UserState> users = SnapshotInput.listFor(count);
        Set<String> seen = new HashSet<>();
        in.enter("users");
        for (int i = 0; i < count; i++) {
            in.at(i);
            UserState state = StateCodec.read(in);
            if (!seen.add(state.userId())) {
                throw in.corrupt("userId", "user " + state.userId() + " appears twice");
            }
            checkTriggers(state, triggers, in);
            users.add(state);
        }
        in.leave();
        return users;
    }

    private static void checkTriggers(UserState state, int triggers, SnapshotInput in) throws IOException {
        int highest = -1;
        int lowest = 0;
        for (Armed wait : state.armed()) {
            highest = Math.max(highest, wait.trigger());
            lowest = Math.min(lowest, wait.trigger());
        }
        for (ScheduledSend send : state.sends()) {
            highest = Math.max(highest, send.trigger());
            lowest = Math.min(lowest, send.trigger());
        }
        for (SentMessage message : state.sent()) {
            highest = Math.max(highest, message.trigger());
            lowest = Math.min(lowest, message.trigger());
        }
        for (FiredMark mark : state.fired()) {
            highest = Math.max(highest, mark.trigger());
            lowest = Math.min(lowest, mark.trigger());
        }
        if (lowest < 0 || highest >= triggers) {
            throw in.corrupt("trigger", "user " + state.userId() + " refers to trigger index "
                    + (lowest < 0 ? lowest : highest) + ", but there are " + triggers + " triggers");
        }
    }

    private static List<Fanout> interest(SnapshotInput in, List<UserState> users, boolean indexed)
            throws IOException {
        int count = in.count("interest", MAX_USERS);
        if (count > 0 && !indexed) {
            throw in.corrupt("interest", "an interest index, although no trigger enters on price changes");
        }
        List<Fanout> interest = SnapshotInput.listFor(count);
        long pairs = 0;
        String previous = null;
        int[] listed = new int[count == 0 ? 0 : users.size()];
        in.enter("interest");
        for (int i = 0; i < count; i++) {
            in.at(i);
            String productId = in.shared("productId");
            in.detail(productId);
            if (previous != null && previous.compareTo(productId) >= 0) {
                throw in.corrupt("productId", "products out of order (" + productId + " after " + previous + ")");
            }
            previous = productId;
            int size = in.count("users", users.size());
            int[] positions = new int[size];
            for (int j = 0; j < size; j++) {
                int position = in.count("user", users.size() - 1);
                UserState user = users.get(position);
                if (listed[position] == i + 1) {
                    throw in.corrupt("user", "user " + user.userId() + " is listed twice");
                }
                listed[position] = i + 1;
                if (user.findInterest(productId).isEmpty()) {
                    throw in.corrupt("user", "user " + user.userId() + " does not remember the product");
                }
                positions[j] = position;
            }
            pairs += size;
            interest.add(new Fanout(productId, positions));
        }
        in.leave();
        long remembered = 0;
        for (UserState user : users) {
            remembered += user.interests().size();
        }
        if (indexed && pairs != remembered) {
            throw in.corrupt("interest", "the index holds " + pairs + " user-product pairs, the users remember "
                    + remembered + " products");
        }
        return interest;
    }

    private static EventOrderer.Buffered orderer(SnapshotInput in) throws IOException {
        in.enter("orderer");
        long arrivals = in.number("arrivals");
        long latestSeen = in.time("latestSeen");
        long releasedUpTo = in.time("releasedUpTo");
        List<EventOrderer.Held> held = events(in, "held", arrivals, true);
        List<EventOrderer.Held> unsorted = events(in, "unsorted", arrivals, false);
        in.leave();
        return new EventOrderer.Buffered(held, unsorted, arrivals, latestSeen, releasedUpTo);
    }

    private static List<EventOrderer.Held> events(SnapshotInput in, String field, long arrivals, boolean byTime)
            throws IOException {
        int count = in.count(field, MAX_EVENTS);
        List<EventOrderer.Held> events = new ArrayList<>(Math.min(count, 16));
        EventOrderer.Held previous = null;
        in.enter(field);
        for (int i = 0; i < count; i++) {
            in.at(i);
            long arrival = in.number("arrival");
            Event event = EventCodec.read(in);
            long at;
            try {
                at = event.timestamp().toEpochMilli();
            } catch (ArithmeticException e) {
                throw in.corrupt("timestamp", "event time " + event.timestamp() + " is out of range");
            }
            EventOrderer.Held next = new EventOrderer.Held(event, at, arrival);
            boolean ordered = previous == null || (byTime && (previous.at() < at || previous.at() == at
                    && previous.arrival() < arrival) || !byTime && previous.arrival() < arrival);
            if (arrival < 0 || arrival >= arrivals || !ordered) {
                throw in.corrupt("arrival", "arrival " + arrival + " out of order or not below " + arrivals);
            }
            events.add(next);
            previous = next;
        }
        in.leave();
        return events;
    }
}
