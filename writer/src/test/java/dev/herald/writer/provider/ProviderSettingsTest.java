package dev.herald.writer.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.writer.provider.ProviderSettings.Circuit;
import dev.herald.writer.provider.ProviderSettings.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private final ProviderSettings anthropic = ProviderSettings.defaults(Provider.ANTHROPIC, "sk-ant-secret");

    @Test
    void shouldDefaultToTheProvidersServiceAndModel() {
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(anthropic.model()).isEqualTo("claude-haiku-4-5");
        ProviderSettings openAi = ProviderSettings.defaults(Provider.OPENAI, "sk-secret");
        assertThat(openAi.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openAi.model()).isEqualTo("gpt-5-mini");
        assertThat(openAi.defaultBaseUrl()).isTrue();
    }

    @Test
    void shouldHaveTheDocumentedDefaults() {
        assertThat(anthropic.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(anthropic.maxOutputTokens()).isEqualTo(1024);
        assertThat(anthropic.maxAttempts()).isEqualTo(3);
        assertThat(anthropic.backoffBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(anthropic.backoffMax()).isEqualTo(Duration.ofSeconds(8));
        assertThat(anthropic.concurrency()).isEqualTo(8);
        assertThat(anthropic.circuit()).isEqualTo(new Circuit(50, 20, 10, Duration.ofSeconds(30)));
        assertThat(anthropic.structuredOutput()).isTrue();
    }

    @Test
    void shouldReadBlankBaseUrlAndModelAsTheDefaults() {
        ProviderSettings blank = anthropic.withBaseUrl(" ").withModel(null);

        assertThat(blank.baseUrl()).isEqualTo(ProviderSettings.ANTHROPIC_BASE_URL);
        assertThat(blank.model()).isEqualTo(ProviderSettings.ANTHROPIC_MODEL);
    }

    @Test
    void shouldAcceptACompatibleServerWithoutAKey() {
        ProviderSettings ollama = ProviderSettings.defaults(Provider.OPENAI, null)
                .withBaseUrl("http://localhost:11434/v1/")
                .withModel("llama3.1:8b");

        assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(ollama.apiKey()).isEmpty();
        assertThat(ollama.defaultBaseUrl()).isFalse();
    }

    @Test
    void shouldNameTheSettingThatIsWrong() {
        assertThatThrownBy(() -> anthropic.withTimeout(Duration.ofSeconds(-1))).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> anthropic.withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> anthropic.withConcurrency(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> anthropic.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> anthropic.withMaxOutputTokens(0)).hasMessageContaining("maxOutputTokens");
        assertThatThrownBy(() -> anthropic.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffMax");
        assertThatThrownBy(() -> anthropic.withBackoff(Duration.ofMillis(-5), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffBase");
        assertThatThrownBy(() -> new Circuit(0, 20, 10, Duration.ofSeconds(30)))
                .hasMessageContaining("circuit.failureRatePercent");
        assertThatThrownBy(() -> new Circuit(50, 5, 10, Duration.ofSeconds(30)))
                .hasMessageContaining("circuit.minimumCalls");
        assertThatThrownBy(() -> ProviderSettings.defaults(Provider.ANTHROPIC, " ")).hasMessageContaining("apiKey");
    }

    @Test
    void shouldRefuseABaseUrlThatIsNotOne() {
        for (String bad : new String[] {"localhost:11434", "ftp://example.com/v1", "not a url", "http:///v1",
                "https://api.example.com/v1?key=1"}) {
            assertThatThrownBy(() -> anthropic.withBaseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl");
        }
    }

    @Test
    void shouldKeepTheKeyOutOfItsText() {
        assertThat(anthropic.toString()).doesNotContain("sk-ant-secret").contains("apiKey=***");
    }
}
