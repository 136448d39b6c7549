package dev.herald.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Role;
import dev.herald.core.experiment.Status;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A report from given counts: the rates, the JSON, the tables, and a section added through the seam. */
class ExperimentReportTest {

    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final Experiment EXPERIMENT = new Experiment("cart_copy", "abandoned_cart", null,
            List.of(Variant.plain("control", 1), new Variant("push_later", 1, null, Channel.PUSH,
                    Duration.ofMinutes(30))),
            null, 0.2, START, null, Metric.CONVERSION,
            List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72), new Allocation.Fixed());
    static final List<VariantCounts> COUNTS = List.of(
            new VariantCounts("cart_copy", "control", Role.CONTROL, 0.4, 400, 410, 0, 400, 160, 40, 4, 20, 48,
                    2_400.0, 150_000.0),
            new VariantCounts("cart_copy", "push_later", Role.TREATMENT, 0.4, 390, 380, 300, 380, 100, 57, 2, 19, 55,
                    2_750.5, 160_000.0),
            new VariantCounts("cart_copy", "holdout", Role.HOLDOUT, 0.2, 210, 0, 0, 0, 0, 0, 0, 0, 21, 1_050.0,
                    60_000.0));

    @Test
    void shouldGiveEachArmsCountsAndRatesAsJson() {
        ExperimentReport report = ExperimentReport.assemble(EXPERIMENT, START.plusSeconds(60), COUNTS,
                ReportSections.NONE);

        JsonNode json = report.json();

        assertThat(report.status()).isEqualTo(Status.RUNNING);
        assertThat(json.at("/experiment/status").asText()).isEqualTo("running");
        assertThat(json.at("/experiment/variants/1/channel").asText()).isEqualTo("push");
        assertThat(json.at("/experiment/variants/1/plannedShare").asDouble()).isEqualTo(0.4);
        assertThat(json.at("/arms/0/rates/open").asDouble()).isEqualTo(0.4);
        assertThat(json.at("/arms/0/rates/conversion").asDouble()).isEqualTo(0.12);
        assertThat(json.at("/arms/1/rates/click").asDouble()).isEqualTo(57.0 / 380);
        assertThat(json.at("/arms/1/revenueSquares").asDouble()).isEqualTo(160_000.0);
        assertThat(json.at("/arms/2/rates/open").isNull()).as("no recipients, no open rate").isTrue();
        assertThat(json.at("/arms/2/rates/revenuePerUser").asDouble()).isEqualTo(5.0);
        assertThat(json.path("sections").isEmpty()).isTrue();
    }

    @Test
    void shouldPrintTablesOfCountsAndRates() {
        String table = ExperimentReport.assemble(EXPERIMENT, START.plusSeconds(60), COUNTS, ReportSections.NONE)
                .table();

        assertThat(table).startsWith("Experiment cart_copy on abandoned_cart: running since 2024-05-01T00:00:00Z\n"
                + "metric conversion (orders within 3d of exposure); guardrails unsubscribe; allocation fixed;"
                + " control control\n");
        assertThat(table).containsPattern("control\\s+control\\s+40.0%\\s+400\\s+410\\s+0\\s+400\\s+160\\s+40\\s+4"
                + "\\s+48\\s+2,400.00")
                .containsPattern("holdout\\s+holdout\\s+20.0%\\s+210\\s+0")
                .containsPattern("push_later\\s+390\\s+26.3%\\s+15.0%\\s+0.5%\\s+5.0%\\s+14.1%\\s+7.05")
                .containsPattern("holdout\\s+210\\s+-\\s+-\\s+-\\s+-\\s+10.0%\\s+5.00");
    }

    @Test
    void shouldAddTheSectionsOfTheSeamToEveryForm() {
        ReportSections statistics = ReportSections.of((experiment, counts) -> {
            ObjectNode json = new ObjectMapper().createObjectNode().put("arms", counts.size());
            return Optional.of(new ReportSection("statistics", json, List.of("arms: " + counts.size())));
        });

        ExperimentReport report = ExperimentReport.assemble(EXPERIMENT, START.minusSeconds(1), COUNTS, statistics);

        assertThat(report.status()).isEqualTo(Status.SCHEDULED);
        assertThat(report.json().at("/sections/statistics/arms").asInt()).isEqualTo(3);
        assertThat(report.table()).contains("scheduled (starts 2024-05-01T00:00:00Z)").endsWith("\nstatistics:\n"
                + "  arms: 3\n");
    }
}
