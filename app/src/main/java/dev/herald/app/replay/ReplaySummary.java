package dev.herald.app.replay;

import dev.herald.app.importer.ImportRecord;
import dev.herald.core.decision.Decision;
import dev.herald.core.engine.Effect;
import dev.herald.core.event.Event;
import dev.herald.core.trigger.MessageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts what a replay read and what the engine decided: events by type, late and rejected events, trigger
 * occurrences, decisions by outcome, sends and cancellations, and how many messages users received per week.
 *
 * <p>Not thread-safe.
 */
final class ReplaySummary {

    /** A quoted value in a rejection reason; a quoted field name (followed by a colon) is kept. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"(?!:)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final long WEEK = Duration.ofDays(7).toMillis();

    private final Map<String, Long> eventsByType = new TreeMap<>();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final List<ImportRecord.Rejected> firstRejections = new ArrayList<>();
    private final List<Effect.Late> firstLate = new ArrayList<>();
    private final Map<String, Long> firedByTrigger = new TreeMap<>();
    private final Map<String, Long> scheduledByChannel = new TreeMap<>();
    private final Map<String, Long> suppressedByReason = new TreeMap<>();
    private final Map<String, Long> sentByChannel = new TreeMap<>();
    private final Map<String, Long> cancelledByReason = new TreeMap<>();
    private final Map<String, List<Long>> marketingSends = new HashMap<>();
    private final Map<String, Long> sendsPerUserWeek = new HashMap<>();
    private long events;
    private long late;
    private long rejected;
    private long scheduled;
    private long suppressed;
    private long sent;
    private long cancelled;
    private long firstEvent = Long.MAX_VALUE;
    private long lastEvent = Long.MIN_VALUE;

    void event(Event event) {
        events++;
        eventsByType.merge(event.type().displayName(), 1L, Long::sum);
        long at = event.timestamp().toEpochMilli();
        firstEvent = Math.min(firstEvent, at);
        lastEvent = Math.max(lastEvent, at);
    }

    void rejected(ImportRecord.Rejected rejection) {
        rejected++;
        String kind = NUMBER.matcher(QUOTED.matcher(rejection.reason()).replaceAll("\"…\"")).replaceAll("N");
        rejectedByReason.merge(kind, 1L, Long::sum);
        if (firstRejections.size() < 5) {
            firstRejections.add(rejection);
        }
    }

    void effect(Effect effect) {
        switch (effect) {
            case Effect.Decided decided -> decided(decided.decision());
            case Effect.Sent sending -> {
                sent++;
                sentByChannel.merge(sending.message().channel().key(), 1L, Long::sum);
                long at = sending.message().sendAt().toEpochMilli();
                String user = sending.message().userId();
                sendsPerUserWeek.merge(user + '\u001f' + Math.floorDiv(at - firstEvent, WEEK), 1L, Long::sum);
                if (sending.decision().kind() == MessageKind.MARKETING) {
                    marketingSends.computeIfAbsent(user, u -> new ArrayList<>(4)).add(at);
                }
            }
            case Effect.Cancelled cancellation -> {
                cancelled++;
                cancelledByReason.merge(cancellation.step().reason().code(), 1L, Long::sum);
            }
            case Effect.Late lateEvent -> {
                late++;
                if (firstLate.size() < 5) {
                    firstLate.add(lateEvent);
                }
            }
        }
    }

    private void decided(Decision decision) {
        firedByTrigger.merge(decision.occurrence().triggerId(), 1L, Long::sum);
        if (decision.isScheduled()) {
            scheduled++;
            scheduledByChannel.merge(decision.action().channel().key(), 1L, Long::sum);
        } else {
            suppressed++;
            suppressedByReason.merge(decision.reason().code(), 1L, Long::sum);
        }
    }

    long events() {
        return events;
    }

    long rejectedCount() {
        return rejected;
    }

    /** The most marketing messages one user got in any 7 days. */
    int maxMarketingInAnyWeek() {
        int max = 0;
        for (List<Long> times : marketingSends.values()) {
            List<Long> sorted = new ArrayList<>(times);
            sorted.sort(null);
            int start = 0;
            for (int end = 0; end < sorted.size(); end++) {
                while (sorted.get(end) - sorted.get(start) >= WEEK) {
                    start++;
                }
                max = Math.max(max, end - start + 1);
            }
        }
        return max;
    }

    /** Writes the summary as aligned text. */
    String render(String header, int users, long pending, int weeklyCap, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(header).append('\n');
        if (events > 0) {
            out.append("Event time           ").append(Instant.ofEpochMilli(firstEvent)).append(" to ")
                    .append(Instant.ofEpochMilli(lastEvent)).append('\n');
        }
        line(out, 0, "Events read", events);
        eventsByType.forEach((type, count) -> line(out, 2, type, count));
        line(out, 2, "late (not processed)", late);
        if (late > 0) {
            out.append(
                    "    (events older than engine time less --lateness; --lateness unbounded sorts the file first)\n");
        }
        for (Effect.Late lateEvent : firstLate) {
            out.append("    e.g. ").append(lateEvent.event().type().displayName()).append(' ')
                    .append(lateEvent.event().messageId()).append(" at ").append(lateEvent.event().timestamp())
                    .append(", after engine time had reached ").append(lateEvent.watermark()).append('\n');
        }
        line(out, 0, "Rejected lines", rejected);
        rejectedByReason.forEach((reason, count) -> line(out, 2, reason, count));
        for (ImportRecord.Rejected rejection : firstRejections) {
            out.append("    e.g. ").append(rejection).append('\n');
        }
        line(out, 0, "Users", users);
        line(out, 0, "Triggers fired", scheduled + suppressed);
        firedByTrigger.forEach((trigger, count) -> line(out, 2, trigger, count));
        line(out, 0, "Decisions: scheduled", scheduled);
        scheduledByChannel.forEach((channel, count) -> line(out, 2, channel, count));
        line(out, 0, "Decisions: suppressed", suppressed);
        suppressedByReason.forEach((reason, count) -> line(out, 2, reason, count));
        line(out, 0, "Sent at send time", sent);
        sentByChannel.forEach((channel, count) -> line(out, 2, channel, count));
        line(out, 0, "Cancelled at send time", cancelled);
        cancelledByReason.forEach((reason, count) -> line(out, 2, reason, count));
        line(out, 0, "Pending at the end", pending);
        out.append(perWeek()).append('\n');
        out.append(String.format("Most marketing messages to one user in any 7 days: %d (cap %d)%n",
                maxMarketingInAnyWeek(), weeklyCap));
        double seconds = Math.max(took.toNanos() / 1e9, 1e-9);
        out.append(String.format("Took %.2f s (%,.0f events/s)%n", seconds, (events + rejected) / seconds));
        return out.toString();
    }

    private String perWeek() {
        if (sendsPerUserWeek.isEmpty()) {
            return "Messages per user per week: none sent";
        }
        long[] counts = sendsPerUserWeek.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(counts).average().orElse(0);
        long p95 = counts[(int) Math.ceil(0.95 * counts.length) - 1];
        return String.format("Messages per user per week (%,d user-weeks with a message): mean %.2f, p95 %d, max %d",
                counts.length, mean, p95, counts[counts.length - 1]);
    }

    private static void line(StringBuilder out, int indent, String label, long value) {
        String padded = " ".repeat(indent) + label;
        out.append(String.format("%-40s %,12d%n", padded, value));
    }
}
