package dev.herald.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final long T = 1772446530L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final String BODY = "{\"message_id\":\"m1\"}";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTheDocumentedExample() throws Exception {
        String independent = hmacSha256Hex(SECRET, T + "." + BODY);

        assertThat(independent).isEqualTo("91397ee21f1f7d68a37f8f6ab4f6995c24a72c8d5c86399151f6a129525ae199");
        assertThat(WebhookSignature.sign(SECRET, T, BODY)).isEqualTo("t=" + T + ",v1=" + independent);
    }

    @Test
    void verifiesAGoodSignatureWithinTheTolerance() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.plusSeconds(300), TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.minusSeconds(300), TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, " t = " + T + " , v1 = " + header.substring(header.indexOf("v1=")
                + 3).toUpperCase(Locale.ROOT), BODY, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, "{\"message_id\":\"m2\"}", NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", NOW, TOLERANCE)).isFalse();
    }

    @Test
    void refusesOldAndFarFutureTimestamps() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.plusSeconds(301), TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.minusSeconds(301), TOLERANCE)).isFalse();
    }

    @Test
    void refusesAnotherSecretAndAReplayedSignatureUnderANewTimestamp() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        String v1 = header.substring(header.indexOf(",v1="));

        assertThat(WebhookSignature.verify("whsec_other", header, BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=" + (T + 60) + v1, BODY, NOW.plusSeconds(60), TOLERANCE))
                .isFalse();
    }

    @Test
    void acceptsAnyOfSeveralV1AndIgnoresUnknownSchemes() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        String good = header.substring(header.indexOf("v1=") + 3);
        String rotated = "t=" + T + ",v0=abc,v1=" + "0".repeat(64) + ",v1=" + good;

        assertThat(WebhookSignature.verify(SECRET, rotated, BODY, NOW, TOLERANCE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "t=1772446530", "v1=abc", "t=,v1=abc", "t=-1772446530,v1=abc",
            "t=soon,v1=91397ee21f1f7d68a37f8f6ab4f6995c24a72c8d5c86399151f6a129525ae199",
            "t=99999999999999999999,v1=91397ee21f1f7d68a37f8f6ab4f6995c24a72c8d5c86399151f6a129525ae199"})
    void refusesMalformedHeaders(String header) {
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void refusesAMissingHeader() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, NOW, TOLERANCE)).isFalse();
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
