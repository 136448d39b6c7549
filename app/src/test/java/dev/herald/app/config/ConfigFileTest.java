package dev.herald.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.HeraldException;
import dev.herald.core.content.TemplateWriter;
import dev.herald.writer.LlmWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("herald.yaml"), yaml);
    }

    @Test
    void shouldReadTheFileAndLetTheEnvironmentOverrideIt() throws IOException {
        // Arrange
        Path file = file("""
                shop:
                  name: Acme
                  url: https://acme.example
                  link_domains: [acme.example, links.acme.example]
                writer:
                  provider: anthropic
                  timeout: 30s
                """);

        // Act
        ConfigFile config = ConfigFile.load(Optional.of(file), Map.of("HERALD_WRITER_TIMEOUT", "5s",
                "HERALD_WRITER_MODEL", "claude-sonnet-4-5"));

        // Assert
        assertThat(config.string("shop.name")).hasValue("Acme");
        assertThat(config.list("shop.link_domains")).containsExactly("acme.example", "links.acme.example");
        assertThat(config.duration("writer.timeout")).hasValue(Duration.ofSeconds(5));
        assertThat(config.string("writer.model")).hasValue("claude-sonnet-4-5");
        assertThat(config.string("writer.base_url")).isEmpty();
    }

    @Test
    void shouldNameAMisspeltKeyAndListTheKnownOnes() throws IOException {
        // Arrange
        Path file = file("""
                writer:
                  providr: openai
                """);

        // Act + Assert
        assertThatThrownBy(() -> ConfigFile.load(Optional.of(file), Map.of())).isInstanceOf(HeraldException.class)
                .hasMessageContaining("unknown configuration keys [writer.providr]")
                .hasMessageContaining("writer.provider");
    }

    @Test
    void shouldSayWhichKeyHasABadValueAndHowToWriteIt() throws IOException {
        // Arrange
        ConfigFile config = ConfigFile.load(Optional.of(file("writer:\n  cache_ttl: soon\n")), Map.of());

        // Act + Assert
        assertThatThrownBy(() -> config.duration("writer.cache_ttl")).isInstanceOf(HeraldException.class)
                .hasMessageContaining("writer.cache_ttl (or HERALD_WRITER_CACHE_TTL): \"soon\" is not a duration");
    }

    @Test
    void shouldUseTheTemplatesWhenNoProviderIsConfigured() {
        // Act
        try (Writers.Built built = Writers.build(ConfigFile.load(Optional.empty(), Map.of()), Optional.empty(),
                Map.of(), new SimpleMeterRegistry())) {
            // Assert
            assertThat(built.writer()).isInstanceOf(TemplateWriter.class);
            assertThat(built.metrics()).isEmpty();
            assertThat(built.description()).contains("no LLM provider configured");
        }
    }

    @Test
    void shouldBuildTheLlmWriterWithTheProvidersOwnKeyVariable() {
        // Arrange
        ConfigFile config = ConfigFile.load(Optional.empty(), Map.of("HERALD_WRITER_PROVIDER", "anthropic"));

        // Act
        try (Writers.Built built = Writers.build(config, Optional.empty(), Map.of("ANTHROPIC_API_KEY", "sk-ant"),
                new SimpleMeterRegistry())) {
            // Assert
            assertThat(built.writer()).isInstanceOf(LlmWriter.class);
            assertThat(built.description()).startsWith("anthropic claude-haiku-4-5 at https://api.anthropic.com");
        }
    }

    @Test
    void shouldRefuseAnthropicWithoutAKeyAndSayWhereToPutIt() {
        // Arrange
        ConfigFile config = ConfigFile.load(Optional.empty(), Map.of("HERALD_WRITER_PROVIDER", "anthropic"));

        // Act + Assert
        assertThatThrownBy(() -> Writers.build(config, Optional.empty(), Map.of(), new SimpleMeterRegistry()))
                .isInstanceOf(HeraldException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> Writers.build(ConfigFile.load(Optional.empty(), Map.of("HERALD_WRITER_PROVIDER",
                "gemini")), Optional.empty(), Map.of(), new SimpleMeterRegistry()))
                .isInstanceOf(HeraldException.class).hasMessageContaining("unknown provider \"gemini\"");
        assertThat(List.of(ConfigFile.environmentName("writer.api_key"))).containsExactly("HERALD_WRITER_API_KEY");
    }
}
