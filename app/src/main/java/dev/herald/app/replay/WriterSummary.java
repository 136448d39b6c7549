package dev.herald.app.replay;

import dev.herald.core.content.Written;
import dev.herald.writer.WriterMetrics;
import java.util.Locale;
import java.util.Map;

/** The replay summary's part about the LLM writer: where texts came from, model calls, tokens, cost, fallbacks. */
final class WriterSummary {

    private WriterSummary() {}

    static String render(String description, WriterMetrics.Snapshot s) {
        StringBuilder out = new StringBuilder();
        out.append("Writer: ").append(description).append('\n');
        out.append(String.format(Locale.ROOT, "  Messages written          %,d%n", s.written()));
        for (Written.Source source : Written.Source.values()) {
            long count = s.messages().getOrDefault(source, 0L);
            if (count > 0) {
                out.append(String.format(Locale.ROOT, "    %-23s %,d%n", source.key(), count));
            }
        }
        out.append(String.format(Locale.ROOT, "  Cache hit ratio           %.1f%% (%,d hits, %,d generations)%n",
                100 * s.cacheHitRatio(), s.hits(), s.misses()));
        out.append(String.format(Locale.ROOT, "  Model calls               %,d (%.1f per 1,000 messages)%n",
                s.calls() + s.failures().values().stream().mapToLong(Long::longValue).sum(), s.callsPerThousand()));
        out.append(String.format(Locale.ROOT, "  Tokens in / out           %,d / %,d%n", s.tokensIn(), s.tokensOut()));
        out.append(String.format(Locale.ROOT, "  Estimated cost            $%.4f ($%.5f per message)%n", s.cost(),
                s.written() == 0 ? 0 : s.cost() / s.written()));
        section(out, "Fallbacks to the template", s.fallbacks());
        section(out, "Provider failures", s.failures());
        section(out, "Complaints about replies", s.complaints());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.append("  ").append(title).append('\n');
        counts.forEach((key, count) -> out.append(String.format(Locale.ROOT, "    %-23s %,d%n", key, count)));
    }
}
