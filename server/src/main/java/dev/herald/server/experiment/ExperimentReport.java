package dev.herald.server.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Status;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import dev.herald.core.util.DurationText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * An experiment's report: its definition, its status at a time, each arm's counts with the seed's rates (open,
 * click and conversion per recipient, conversion and revenue per exposed user, and the sample size), and the
 * sections computed from the counts (statistics). As JSON for the API and {@code --json}, or as text tables.
 *
 * @param generatedAt when the report was made (engine time for the service)
 * @param arms the arms' counts, in the order of {@link Experiment#arms()}
 */
public record ExperimentReport(Experiment experiment, Status status, Instant generatedAt, List<VariantCounts> arms,
        List<ReportSection> sections) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ExperimentReport {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(generatedAt, "generatedAt");
        arms = List.copyOf(arms);
        sections = List.copyOf(sections);
    }

    /**
     * Assembles a report: the one place where a report is put together, so that a section added to
     * {@code sections} shows in every report.
     */
    public static ExperimentReport assemble(Experiment experiment, Instant at, List<VariantCounts> counts,
            ReportSections sections) {
        return new ExperimentReport(experiment, experiment.status(at), at, counts,
                sections.compute(experiment, counts));
    }

    /** The definition and status of an experiment, as the API lists it. */
    public static ObjectNode definition(Experiment experiment, Instant at) {
        ObjectNode node = JSON.createObjectNode().put("name", experiment.name()).put("trigger", experiment.trigger())
                .put("status", experiment.status(at).key()).put("seed", experiment.seed())
                .put("start", text(experiment.start())).put("stop", text(experiment.stop()))
                .put("control", experiment.control()).put("holdout", experiment.holdout())
                .put("metric", experiment.metric().key())
                .put("conversionWindow", DurationText.format(experiment.conversionWindow()));
        ArrayNode variants = node.putArray("variants");
        for (Variant variant : experiment.variants()) {
            ObjectNode v = variants.addObject().put("name", variant.name()).put("weight", variant.weight())
                    .put("role", experiment.role(variant.name()).key())
                    .put("plannedShare", experiment.plannedShare(variant.name()));
            variant.findContent().ifPresent(content -> v.put("content", content));
            variant.findChannel().ifPresent(channel -> v.put("channel", channel.key()));
            if (!variant.delay().isZero()) {
                v.put("delay", DurationText.format(variant.delay()));
            }
        }
        ArrayNode guardrails = node.putArray("guardrails");
        experiment.guardrails().stream().map(Guardrail::key).forEach(guardrails::add);
        ObjectNode allocation = node.putObject("allocation");
        switch (experiment.allocation()) {
            case Allocation.Fixed fixed -> allocation.put("type", "fixed");
            case Allocation.Bandit bandit -> allocation.put("type", "bandit").put("floor", bandit.floor());
        }
        return node;
    }

    /** The report as JSON. */
    public ObjectNode json() {
        ObjectNode node = JSON.createObjectNode();
        node.set("experiment", definition(experiment, generatedAt));
        node.put("generatedAt", generatedAt.toString());
        ArrayNode list = node.putArray("arms");
        for (VariantCounts arm : arms) {
            ObjectNode a = list.addObject().put("variant", arm.variant()).put("role", arm.role().key())
                    .put("plannedShare", arm.plannedShare()).put("exposed", arm.exposed()).put("sent", arm.sent())
                    .put("delivered", arm.delivered()).put("recipients", arm.recipients())
                    .put("opened", arm.opened()).put("clicked", arm.clicked())
                    .put("unsubscribed", arm.unsubscribed()).put("attributed", arm.attributed())
                    .put("converted", arm.converted()).put("revenue", arm.revenue())
                    .put("revenueSquares", arm.revenueSquares());
            ObjectNode rates = a.putObject("rates");
            rate(rates, "open", arm.openRate());
            rate(rates, "click", arm.clickRate());
            rate(rates, "unsubscribe", arm.unsubscribeRate());
            rate(rates, "conversionPerRecipient", arm.conversionPerRecipient());
            rate(rates, "conversion", arm.conversionRate());
            rate(rates, "revenuePerUser", arm.revenuePerUser());
        }
        ObjectNode parts = node.putObject("sections");
        sections.forEach(section -> parts.set(section.name(), section.json()));
        return node;
    }

    /** The report as text: a heading, a table of counts, a table of rates, then the sections. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("Experiment ").append(experiment.name()).append(" on ").append(experiment.trigger()).append(": ")
                .append(status.key()).append(when()).append('\n');
        out.append("metric ").append(experiment.metric().key()).append(" (orders within ")
                .append(DurationText.format(experiment.conversionWindow())).append(" of exposure); guardrails ")
                .append(experiment.guardrails().isEmpty() ? "none" : String.join(", ",
                        experiment.guardrails().stream().map(Guardrail::key).toList()))
                .append("; allocation ").append(switch (experiment.allocation()) {
                    case Allocation.Fixed fixed -> "fixed";
                    case Allocation.Bandit bandit -> "bandit (floor " + bandit.floor() + ")";
                }).append("; control ").append(experiment.control()).append("\n\n");
        table(out, 2, List.of("arm", "role", "planned", "exposed", "sent", "delivered", "recipients", "opened",
                "clicked", "unsubscribed", "converted", "revenue"),
                arm -> List.of(arm.variant(), arm.role().key(),
                        percent(OptionalDouble.of(arm.plannedShare())), count(arm.exposed()), count(arm.sent()),
                        count(arm.delivered()), count(arm.recipients()), count(arm.opened()), count(arm.clicked()),
                        count(arm.unsubscribed()), count(arm.converted()), money(arm.revenue())));
        out.append('\n');
        table(out, 1, List.of("arm", "sample", "open", "click", "unsubscribe", "conv/recipient", "conv/exposed",
                "revenue/exposed"),
                arm -> List.of(arm.variant(), count(arm.exposed()), percent(arm.openRate()),
                        percent(arm.clickRate()), percent(arm.unsubscribeRate()),
                        percent(arm.conversionPerRecipient()), percent(arm.conversionRate()),
                        arm.revenuePerUser().isPresent() ? money(arm.revenuePerUser().getAsDouble()) : "-"));
        out.append("\nopen, click, unsubscribe and conv/recipient are per user sent a message (conv/recipient:"
                + " orders attributed to a message); conv/exposed and revenue/exposed are per exposed user"
                + " (the sample)\n");
        for (ReportSection section : sections) {
            out.append('\n').append(section.name()).append(":\n");
            section.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    private String when() {
        return switch (status) {
            case SCHEDULED -> " (starts " + experiment.start() + ")";
            case RUNNING -> (experiment.start() == null ? "" : " since " + experiment.start())
                    + (experiment.stop() == null ? "" : ", until " + experiment.stop());
            case ENDED -> " (stopped " + experiment.stop() + ")";
        };
    }

    /** A table with a column per header, the first {@code textColumns} to the left and the numbers to the right. */
    private void table(StringBuilder out, int textColumns, List<String> header,
            Function<VariantCounts, List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        arms.forEach(arm -> rows.add(row.apply(arm)));
        int[] widths = new int[header.size()];
        for (List<String> cells : rows) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        for (List<String> cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (i > 0) {
                    line.append("  ");
                }
                line.append(pad(cell, widths[i], i >= textColumns));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * value.getAsDouble()) : "-";
    }

    private static void rate(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
