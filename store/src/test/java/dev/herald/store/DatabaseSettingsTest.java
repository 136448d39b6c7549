package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutAJdbcUrlTheEmbeddedServerNeedsADataFolder() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("data/postgres"));

        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.poolSize()).isEqualTo(8);
        assertThat(settings.embeddedPort()).isZero();
        assertThatThrownBy(() -> new DatabaseSettings("", "", "", null, 8, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database.dataDir");
        assertThatThrownBy(() -> new DatabaseSettings(null, null, null, null, 8, 0))
                .hasMessageContaining("database.dataDir");
    }

    @Test
    void anExternalServerNeedsAPostgresJdbcUrl() {
        DatabaseSettings settings = DatabaseSettings.external("jdbc:postgresql://db:5432/herald", "herald", "pw");

        assertThat(settings.isEmbedded()).isFalse();
        assertThat(settings.dataDir()).isNull();
        assertThatThrownBy(() -> DatabaseSettings.external("jdbc:mysql://db/herald?password=pw", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database.jdbcUrl")
                .hasMessageContaining("jdbc:mysql://db/herald")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> DatabaseSettings.external(" ", "", ""))
                .hasMessageContaining("database.jdbcUrl");
    }

    @Test
    void poolSizeAndPortAreChecked() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("data"));

        assertThat(settings.withPoolSize(20).withEmbeddedPort(5433))
                .extracting(DatabaseSettings::poolSize, DatabaseSettings::embeddedPort)
                .containsExactly(20, 5433);
        assertThatThrownBy(() -> settings.withPoolSize(0)).hasMessageContaining("database.poolSize")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> settings.withPoolSize(10_000)).hasMessageContaining("database.poolSize");
        assertThatThrownBy(() -> settings.withEmbeddedPort(-1)).hasMessageContaining("database.embeddedPort");
        assertThatThrownBy(() -> settings.withEmbeddedPort(70_000)).hasMessageContaining("database.embeddedPort");
    }

    @Test
    void thePasswordIsNeverShown() {
        DatabaseSettings settings = DatabaseSettings.external(
                "jdbc:postgresql://db:5432/herald?user=h&password=s3cret&ssl=true", "herald", "t0psecret");

        assertThat(settings.jdbcUrlWithoutPassword()).isEqualTo("jdbc:postgresql://db:5432/herald?user=h&ssl=true");
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("t0psecret").contains("***");
        assertThat(DatabaseSettings.external("jdbc:postgresql://db/h?password=x", "", "").jdbcUrlWithoutPassword())
                .isEqualTo("jdbc:postgresql://db/h");
    }
}
