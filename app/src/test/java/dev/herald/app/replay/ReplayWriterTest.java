package dev.herald.app.replay;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.HeraldRun;
import dev.herald.writer.stub.OpenAiStub;
import dev.herald.writer.stub.StubReply;
import dev.herald.writer.stub.ValidReplies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald replay --config} with an LLM provider: a local server speaking OpenAI's wire format. */
class ReplayWriterTest {

    static final Path SAMPLE = Path.of("..", "samples", "rees46", "2019-Oct-head.csv.gz");

    @TempDir
    Path dir;

    Path config(String baseUrl) throws IOException {
        return Files.writeString(dir.resolve("herald.yaml"), """
                shop:
                  name: Shop
                  url: https://shop.example
                writer:
                  provider: openai
                  api_key: sk-test
                  base_url: %s
                  max_attempts: 1
                """.formatted(baseUrl));
    }

    static List<JsonNode> sent(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> sent = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode node = json.readTree(line);
            if (node.path("outcome").asText().equals("sent")) {
                sent.add(node);
            }
        }
        return sent;
    }

    @Test
    void shouldWriteEverySentMessageWithTheModelAndShareGenerations() throws IOException {
        // Arrange
        Path out = dir.resolve("decisions.jsonl");
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.respondWith(new ValidReplies());

            // Act
            HeraldRun run = herald("replay", "--format", "rees46", SAMPLE.toString(), "--until", "drain",
                    "--no-progress", "--config", config(stub.baseUrl()).toString(), "--out", out.toString());

            // Assert
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> sent = sent(out);
            assertThat(sent).hasSize(6_942);
            long generated = sent.stream().filter(n -> n.at("/content/source").asText().equals("generated")).count();
            long cached = sent.stream().filter(n -> n.at("/content/source").asText().equals("cached")).count();
            assertThat(generated).isEqualTo(stub.requestCount());
            assertThat(generated + cached).isEqualTo(sent.size());
            assertThat(cached).isGreaterThan(generated);
            assertThat(run.out()).contains("Writer: openai gpt-5-mini at " + stub.baseUrl())
                    .contains("Messages written          6,942").contains("Cache hit ratio");
            JsonNode last = sent.get(sent.size() - 1);
            assertThat(last.at("/trace").get(last.at("/trace").size() - 1).path("step").asText()).isEqualTo("write");
        }
    }

    @Test
    void shouldFallBackToTheTemplatesWhenTheProviderFailsAndSayWhyInTheTrace() throws IOException {
        // Arrange
        Path out = dir.resolve("decisions.jsonl");
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.respondWith(request -> StubReply.error(500, "down"));

            // Act
            HeraldRun run = herald("replay", "--format", "rees46", SAMPLE.toString(), "--no-progress", "--config",
                    config(stub.baseUrl()).toString(), "--out", out.toString());

            // Assert
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> sent = sent(out);
            assertThat(sent).isNotEmpty().allSatisfy(node -> {
                assertThat(node.at("/content/source").asText()).isEqualTo("fallback");
                assertThat(node.toString()).contains("\"step\":\"write\"").contains("fallback: ");
            });
            assertThat(run.out()).contains("Fallbacks to the template");
        }
    }
}
