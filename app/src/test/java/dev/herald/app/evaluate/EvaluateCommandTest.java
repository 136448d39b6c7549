package dev.herald.app.evaluate;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.HeraldRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OBD_SAMPLE = Path.of("../samples/obd");

    @Test
    void shouldGiveTheLoggedMeanRewardForEveryEstimatorWhenTheCandidateIsTheLoggingPolicy(@TempDir Path dir)
            throws IOException {
        // A deterministic logging policy per context, and the candidate doing the same: every weight is 1.
        Path file = write(dir.resolve("same.jsonl"), List.of(
                line("cart", "email", 1, 1, "{\"email\": 1}"),
                line("cart", "email", 0, 1, "{\"email\": 1}"),
                line("browse", "push", 1, 1, "{\"push\": 1, \"email\": 0}"),
                line("browse", "push", 1, 1, "{\"push\": 1, \"email\": 0}"),
                line("idle", "sms", 0, 1, "{\"sms\": 1}")));
        double mean = 3.0 / 5;

        HeraldRun run = herald("evaluate", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("decisions").asInt()).isEqualTo(5);
        assertThat(result.get("actions").asInt()).isEqualTo(3);
        assertThat(result.at("/loggedPolicy/meanReward").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(result.get("estimates")).extracting(e -> e.get("estimator").asText())
                .containsExactly("IPS", "SNIPS", "DR");
        for (JsonNode estimate : result.get("estimates")) {
            assertThat(estimate.get("estimate").asDouble()).as(estimate.toString()).isCloseTo(mean, within(1e-12));
            assertThat(estimate.get("effectiveSampleSize").asDouble()).isCloseTo(5, within(1e-9));
            assertThat(estimate.get("maxWeight").asDouble()).isEqualTo(1);
            assertThat(estimate.get("lower").asDouble()).isLessThan(mean);
            assertThat(estimate.get("upper").asDouble()).isGreaterThan(mean);
        }
    }

    @Test
    void shouldReweightByTheRatioOfCandidateToLoggingProbabilityAndPrintATable(@TempDir Path dir)
            throws IOException {
        // Uniform logging over two actions; the candidate always takes A (weight 2 on A, 0 on B, left out).
        Path file = write(dir.resolve("uniform.jsonl.gz"), List.of(
                line("x", "A", 1, 0.5, "{\"A\": 1}"),
                line("x", "B", 0, 0.5, "{\"A\": 1}"),
                line("x", "A", 0, 0.5, "{\"A\": 1}"),
                line("x", "B", 1, 0.5, "{\"A\": 1}")));

        HeraldRun table = herald("evaluate", file.toString(), "--alpha", "0.1");
        HeraldRun json = herald("evaluate", file.toString(), "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("4 logged decisions over 2 actions; 90% intervals")
                .contains("logged policy's own mean reward: 0.50000")
                .containsPattern("IPS +0\\.50000 ").containsPattern("SNIPS +0\\.50000 ")
                .contains("90% CI").contains("max weight");
        JsonNode ips = JSON.readTree(json.out()).at("/estimates/0");
        assertThat(ips.get("estimate").asDouble()).isCloseTo((2 * 1 + 2 * 0) / 4.0, within(1e-12));
        assertThat(ips.get("maxWeight").asDouble()).isEqualTo(2);
        assertThat(ips.get("effectiveSampleSize").asDouble()).isCloseTo(2, within(1e-9));
    }

    @Test
    void shouldNameTheLineAndFieldOfEveryBadDecisionAndPrintNothingElse(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("bad.jsonl"), List.of(
                line("x", "A", 1, 0.5, "{\"A\": 1}"),
                "{\"context\": \"x\", \"action\": \"A\", \"propensity\": 0.5, \"candidate\": {\"A\": 1}}",
                line("x", "A", 1, 0, "{\"A\": 1}"),
                line("x", "A", 1, 1.5, "{\"A\": 1}"),
                line("x", "A", 1, 0.5, "{\"A\": 0.6, \"B\": 0.3}"),
                "{\"context\": \"x\", \"action\": \"A\", \"reward\": \"high\", \"propensity\": 0.5,"
                        + " \"candidate\": {\"A\": 1}}",
                "not json"));

        HeraldRun run = herald("evaluate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("6 bad lines")
                .contains("bad.jsonl:2: reward: required field is missing")
                .contains("bad.jsonl:3: propensity: must be in (0, 1], got 0.0")
                .contains("bad.jsonl:4: propensity: must be in (0, 1], got 1.5")
                .contains("bad.jsonl:5: candidate: probabilities sum to 0.9")
                .contains("bad.jsonl:6: reward: must be a number, got \"high\"")
                .contains("bad.jsonl:7: not a JSON object");
    }

    @Test
    void shouldRefuseTwoCandidateDistributionsForOneContext(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("two.jsonl"), List.of(
                line("x", "A", 1, 0.5, "{\"A\": 1}"),
                line("x", "B", 1, 0.5, "{\"A\": 0.5, \"B\": 0.5}")));

        HeraldRun run = herald("evaluate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("two.jsonl:2: candidate: differs from the one on line 1 for the same context");
    }

    @Test
    void shouldAskForAFileOrTheDatasetAndAValidAlpha(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("ok.jsonl"), List.of(line("x", "A", 1, 1, "{\"A\": 1}"),
                line("x", "A", 0, 1, "{\"A\": 1}")));

        HeraldRun neither = herald("evaluate");
        HeraldRun badAlpha = herald("evaluate", file.toString(), "--alpha", "1.5");
        HeraldRun missing = herald("evaluate", dir.resolve("none.jsonl").toString());

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("give a FILE of logged decisions, or --obd DIR");
        assertThat(badAlpha.exitCode()).isEqualTo(2);
        assertThat(badAlpha.err()).contains("--alpha must be in (0, 1)");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("FILE: cannot read");
    }

    @Test
    void shouldValidateTheEstimatorsOnTheOpenBanditSample() throws IOException {
        HeraldRun table = herald("evaluate", "--obd", OBD_SAMPLE.toString());
        HeraldRun json = herald("evaluate", "--obd", OBD_SAMPLE.toString(), "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsSubsequence("men: BTS on-policy click rate", "IPS", "SNIPS", "DR",
                "women: BTS on-policy click rate", "IPS", "SNIPS", "DR").contains("rel.err").contains("covered");
        JsonNode campaigns = JSON.readTree(json.out()).get("campaigns");
        assertThat(campaigns).extracting(c -> c.get("campaign").asText()).containsExactly("men", "women");
        for (JsonNode campaign : campaigns) {
            double onPolicy = campaign.get("onPolicyClickRate").asDouble();
            assertThat(onPolicy).isGreaterThan(0);
            for (JsonNode estimate : campaign.get("estimates")) {
                double value = estimate.get("estimate").asDouble();
                assertThat(estimate.get("relativeError").asDouble()).isCloseTo((value - onPolicy) / onPolicy,
                        within(1e-12));
                assertThat(estimate.get("covered").asBoolean()).isEqualTo(
                        estimate.get("lower").asDouble() <= onPolicy && onPolicy <= estimate.get("upper").asDouble());
                assertThat(table.out()).contains(String.format(java.util.Locale.ROOT, "%+.1f%%",
                        100 * estimate.get("relativeError").asDouble()));
            }
        }
    }

    @Test
    void shouldSayWhichFilesAnOpenBanditFolderNeeds(@TempDir Path dir) {
        HeraldRun run = herald("evaluate", "--obd", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no campaign with both logs").contains("men.csv.gz");
    }

    private static String line(String context, String action, double reward, double propensity, String candidate) {
        return "{\"context\": \"" + context + "\", \"action\": \"" + action + "\", \"reward\": " + reward
                + ", \"propensity\": " + propensity + ", \"candidate\": " + candidate + "}";
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }
}
