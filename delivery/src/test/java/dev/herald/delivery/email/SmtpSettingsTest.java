package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsFollowTheSecurityAndTheFromAddress() {
        SmtpSettings settings = SmtpSettings.defaults(" smtp.shop.example ", SmtpSettings.Security.STARTTLS,
                "news@Shop.Example");

        assertThat(settings.host()).isEqualTo("smtp.shop.example");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.messageIdDomain()).isEqualTo("shop.example");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.username()).isEmpty();
        assertThat(settings.authenticates()).isFalse();
        assertThat(settings.fromName()).isEmpty();
        assertThat(settings.dkim()).isEmpty();
        assertThat(SmtpSettings.defaults("h", SmtpSettings.Security.NONE, "a@b.example").port()).isEqualTo(25);
        assertThat(SmtpSettings.defaults("h", SmtpSettings.Security.TLS, "a@b.example").port()).isEqualTo(465);
        assertThat(settings.withPort(2525).port()).isEqualTo(2525);
        assertThat(settings.withMessageIdDomain("Mail.Shop.Example").messageIdDomain())
                .isEqualTo("mail.shop.example");
        assertThat(new SmtpSettings("h", 0, SmtpSettings.Security.NONE, null, null, "a@b.example", null, null, null,
                null, null)).satisfies(s -> {
                    assertThat(s.connectTimeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
                    assertThat(s.dkim()).isEqualTo(Optional.empty());
                    assertThat(s.password()).isEmpty();
                });
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        SmtpSettings ok = SmtpSettings.defaults("smtp.shop.example", SmtpSettings.Security.TLS, "news@shop.example");

        assertThatThrownBy(() -> SmtpSettings.defaults(" ", SmtpSettings.Security.TLS, "news@shop.example"))
                .hasMessageContaining("host is required");
        assertThatThrownBy(() -> SmtpSettings.defaults("smtp.shop.example", null, "news@shop.example"))
                .hasMessageContaining("security is required");
        assertThatThrownBy(() -> ok.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> SmtpSettings.defaults("h", SmtpSettings.Security.TLS, "news"))
                .hasMessageContaining("fromAddress");
        assertThatThrownBy(() -> SmtpSettings.defaults("h", SmtpSettings.Security.TLS, "Shop <news@shop.example>"))
                .hasMessageContaining("fromAddress").hasMessageContaining("fromName");
        assertThatThrownBy(() -> ok.withCredentials("herald", "")).hasMessageContaining("password is required");
        assertThatThrownBy(() -> ok.withCredentials("", "secret")).hasMessageContaining("username is required");
        assertThatThrownBy(() -> ok.withMessageIdDomain("shop example")).hasMessageContaining("messageIdDomain");
        assertThatThrownBy(() -> ok.withTimeouts(Duration.ZERO, null)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ok.withTimeouts(null, Duration.ofSeconds(-1))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> ok.withFromName("Shop\r\nBcc: x@y.example")).hasMessageContaining("fromName");
        assertThatThrownBy(() -> new DkimSettings("shop.example", " ", dir.resolve("k.pem")))
                .hasMessageContaining("dkim.selector");
        assertThatThrownBy(() -> new DkimSettings("localhost", "s1", dir.resolve("k.pem")))
                .hasMessageContaining("dkim.domain");
        assertThatThrownBy(() -> new DkimSettings("shop.example", "s1", null))
                .hasMessageContaining("dkim.privateKeyPemPath");
    }

    @Test
    void thePasswordIsNotShown() {
        SmtpSettings settings = SmtpSettings.defaults("h", SmtpSettings.Security.TLS, "news@shop.example")
                .withCredentials("herald", "s3cr3t-pass");

        assertThat(settings.toString()).doesNotContain("s3cr3t-pass").contains("password=***", "username=herald");
        assertThat(settings.authenticates()).isTrue();
    }
}
