package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
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

    @Test
    void anUnusableDkimKeyFileIsNamedWhenTheDelivererIsMade() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> deliverer(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dkim.privateKeyPemPath").hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read");

        Path pkcs1 = dir.resolve("pkcs1.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> deliverer(pkcs1)).hasMessageContaining(pkcs1.toString())
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8 -topk8");

        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "not a key");
        assertThatThrownBy(() -> deliverer(garbage)).hasMessageContaining(garbage.toString())
                .hasMessageContaining("no PKCS#8 PEM block");

        Path ec = dir.resolve("ec.pem");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        Files.writeString(ec, DkimSigningTest.pkcs8Pem(generator.generateKeyPair().getPrivate().getEncoded()),
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> deliverer(ec)).hasMessageContaining(ec.toString())
                .hasMessageContaining("does not hold an RSA private key");

        Path small = dir.resolve("small.pem");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(512);
        Files.writeString(small, DkimSigningTest.pkcs8Pem(rsa.generateKeyPair().getPrivate().getEncoded()),
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> deliverer(small)).hasMessageContaining(small.toString())
                .hasMessageContaining("512-bit");
    }

    private static EmailDeliverer deliverer(Path key) {
        return new EmailDeliverer(SmtpSettings.defaults("h", SmtpSettings.Security.TLS, "news@shop.example")
                .withDkim(new DkimSettings("shop.example", "s1", key)));
    }
}
