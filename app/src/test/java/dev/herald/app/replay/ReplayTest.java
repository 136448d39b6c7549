package dev.herald.app.replay;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.HeraldRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald replay} on the real REES46 sample shipped in the repository. */
class ReplayTest {

    static final Path SAMPLE = Path.of("../samples/rees46/2019-Oct-head.csv.gz");
    static final Path SEGMENT = Path.of("../samples/segment/example.jsonl");

    /** The number on the summary line that starts with the label (after indentation). */
    static long count(String summary, String label) {
        for (String line : summary.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(label + " ")) {
                return Long.parseLong(trimmed.substring(label.length()).strip().replace(",", ""));
            }
        }
        return 0;
    }

    /**
     * Abandoned-cart occurrences counted by a plain scan of the file, by the shipped rule: each add starts the
     * one-hour wait again; an order or an emptied cart ends it; it fires when the hour passes.
     *
     * @param drain whether waits still running at the end count (as after {@code --until drain})
     */
    static long abandonedCartsByPlainScan(Path file, boolean drain) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
        Map<String, Map<String, Integer>> carts = new HashMap<>();
        Map<String, Long> due = new HashMap<>();
        long fired = 0;
        long last = Long.MIN_VALUE;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split(",", -1);
                long time = LocalDateTime.parse(columns[0], format).toInstant(ZoneOffset.UTC).toEpochMilli();
                String type = columns[1];
                String product = columns[2];
                String user = columns[7];
                last = Math.max(last, time);
                Long pending = due.get(user);
                if (pending != null && pending <= time) {
                    fired++;
                    due.remove(user);
                }
                Map<String, Integer> cart = carts.computeIfAbsent(user, u -> new HashMap<>());
                switch (type) {
                    case "cart" -> {
                        cart.merge(product, 1, Integer::sum);
                        due.put(user, time + Duration.ofHours(1).toMillis());
                    }
                    case "remove_from_cart" -> {
                        cart.computeIfPresent(product, (p, n) -> n > 1 ? n - 1 : null);
                        if (cart.isEmpty()) {
                            due.remove(user);
                        }
                    }
                    case "purchase" -> {
                        cart.clear();
                        due.remove(user);
                    }
                    default -> {
                        // A view changes nothing in the cart.
                    }
                }
            }
        }
        for (long pending : due.values()) {
            if (drain || pending <= last) {
                fired++;
            }
        }
        return fired;
    }

    @Test
    void shouldFireAsManyAbandonedCartsAsAPlainScanOfTheFileFinds() throws IOException {
        HeraldRun end = herald("replay", "--format", "rees46", SAMPLE.toString(), "--no-progress");
        HeraldRun drain =
                herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain", "--no-progress");

        assertThat(end.exitCode()).as(end.err()).isZero();
        assertThat(count(end.out(), "abandoned_cart")).isEqualTo(abandonedCartsByPlainScan(SAMPLE, false));
        assertThat(count(drain.out(), "abandoned_cart")).isEqualTo(abandonedCartsByPlainScan(SAMPLE, true))
                .isGreaterThan(count(end.out(), "abandoned_cart"));
    }

    @Test
    void shouldSummariseEventsTriggersAndDecisions() {
        HeraldRun run = herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain", "--no-progress");

        assertThat(count(run.out(), "Events read")).isEqualTo(17_434);
        assertThat(count(run.out(), "Product Viewed")).isEqualTo(17_055);
        assertThat(count(run.out(), "Product Added")).isEqualTo(165);
        assertThat(count(run.out(), "Order Completed")).isEqualTo(214);
        assertThat(count(run.out(), "Rejected lines")).isZero();
        assertThat(count(run.out(), "Users")).isEqualTo(4_504);
        assertThat(count(run.out(), "Triggers fired")).isEqualTo(count(run.out(), "Decisions: scheduled")
                + count(run.out(), "Decisions: suppressed"));
        assertThat(count(run.out(), "Decisions: scheduled")).isEqualTo(count(run.out(), "Sent at send time")
                + count(run.out(), "Cancelled at send time") + count(run.out(), "Pending at the end"));
        assertThat(run.out()).contains("Messages per user per week",
                "Most marketing messages to one user in any 7 days");
    }

    @Test
    void shouldWriteEveryDecisionWithItsTrace(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("decisions.jsonl");

        HeraldRun run = herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain", "--out",
                out.toString(), "--no-progress");

        List<String> lines = Files.readAllLines(out).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize((int) count(run.out(), "Triggers fired"));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode decision = json.readTree(line);
            assertThat(decision.path("outcome").asText()).isIn("sent", "suppressed", "cancelled", "pending");
            assertThat(decision.path("trace").size()).isPositive();
            if (decision.path("outcome").asText().equals("sent")) {
                assertThat(decision.path("content").isObject()).isTrue();
                assertThat(decision.path("propensity").asDouble()).isEqualTo(1.0);
            } else if (decision.path("outcome").asText().equals("suppressed")) {
                assertThat(decision.path("reason").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void shouldGiveTheSameDecisionsEveryTime(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain", "--policy", "random", "--out",
                first.toString(), "--no-progress");
        herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain", "--policy", "random", "--out",
                second.toString(), "--no-progress");

        assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(first));
    }

    @Test
    void shouldReportTheSegmentExamplesBadLineAndKeepGoing() {
        HeraldRun run =
                herald("replay", "--format", "segment", SEGMENT.toString(), "--until", "drain", "--no-progress");

        assertThat(run.exitCode()).isZero();
        assertThat(count(run.out(), "Rejected lines")).isEqualTo(1);
        assertThat(run.out()).contains("example.jsonl:15: \"properties.price\": expected a number, got \"twelve\"");
        assertThat(count(run.out(), "order_shipped")).isEqualTo(2);
        assertThat(count(run.out(), "price_drop")).isEqualTo(1);
    }

    @Test
    void shouldReplayWhatWasReadAndExplainAFileThatEndsInTheMiddle(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.csv.gz");
        byte[] whole = Files.readAllBytes(SAMPLE);
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        HeraldRun run = herald("replay", "--format", "rees46", cut.toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(count(run.out(), "Events read")).isPositive().isLessThan(17_434);
        assertThat(run.err()).contains("stopped after").contains("the file ends in the middle")
                .contains("summary above");
    }

    @Test
    void shouldCountAndShowEventsThatArriveLaterThanTheLateness(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("late.jsonl");
        Files.writeString(log, String.join("\n",
                call("a", "2024-03-04T10:00:00Z"), call("b", "2024-03-04T12:00:00Z"),
                call("c", "2024-03-04T11:30:00Z"), call("d", "2024-03-04T09:00:00Z")) + "\n");

        HeraldRun bounded =
                herald("replay", "--format", "segment", log.toString(), "--lateness", "1h", "--no-progress");
        HeraldRun sorted = herald("replay", "--format", "segment", log.toString(), "--no-progress");

        assertThat(count(bounded.out(), "Events read")).isEqualTo(4);
        assertThat(count(bounded.out(), "late (not processed)")).isEqualTo(1);
        assertThat(bounded.out()).contains("e.g. Activity d at 2024-03-04T09:00:00Z, after engine time had "
                + "reached 2024-03-04T11:00:00Z");
        assertThat(count(sorted.out(), "late (not processed)")).isZero();
    }

    private static String call(String id, String timestamp) {
        return "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Application Opened\",\"messageId\":\"" + id
                + "\",\"timestamp\":\"" + timestamp + "\"}";
    }

    @Test
    void shouldExplainADirectoryGivenAsTheFile(@TempDir Path dir) {
        HeraldRun run = herald("replay", "--format", "rees46", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("(it is a directory)");
    }

    @Test
    void shouldExplainAnUnknownFormat() {
        HeraldRun run = herald("replay", "--format", "csv", SAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format: unknown format \"csv\"; use taobao, rees46 or segment");
    }

    @Test
    void shouldExplainAMissingFile() {
        HeraldRun run = herald("replay", "--format", "rees46", "no/such/file.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("no/such/file.csv");
    }

    @Test
    void shouldExplainABadUntilAndLateness() {
        HeraldRun until = herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "tomorrow");
        HeraldRun lateness = herald("replay", "--format", "rees46", SAMPLE.toString(), "--lateness", "soon");

        assertThat(until.exitCode()).isEqualTo(2);
        assertThat(until.err()).contains("--until: \"tomorrow\" is not end, drain or an ISO-8601 instant");
        assertThat(lateness.exitCode()).isEqualTo(2);
        assertThat(lateness.err()).contains("--lateness: \"soon\" is not a duration");
    }

    @Test
    void shouldNameTheFileLineAndFieldOfABadTriggerFile(@TempDir Path dir) throws IOException {
        Path triggers = dir.resolve("triggers.yaml");
        Files.writeString(triggers, """
                triggers:
                  - id: abandoned_cart
                    kind: marketing
                    scope: cart
                    entry:
                      events: [Product Added]
                    wait: soon
                    urgency: 2h
                    channels: [email]
                    brief:
                      goal: Bring them back.
                """);

        HeraldRun run = herald("replay", "--format", "rees46", SAMPLE.toString(), "--triggers", triggers.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("triggers.yaml:7").contains("wait").contains("\"soon\" is not a duration");
    }
}
