package dev.herald.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpHelpersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.of(headers("Retry-After", "120"), NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.of(headers("retry-after", " 3 "), NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.of(headers("Retry-After", "Mon, 02 Mar 2026 10:16:00 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterMissingUnreadableOrPastIsZero() {
        assertThat(RetryAfter.of(HttpHeaders.of(Map.of(), (name, value) -> true), NOW)).isZero();
        assertThat(RetryAfter.of(headers("Retry-After", "soon"), NOW)).isZero();
        assertThat(RetryAfter.of(headers("Retry-After", "-5"), NOW)).isZero();
        assertThat(RetryAfter.of(headers("Retry-After", "99999999999999999999"), NOW)).isZero();
        assertThat(RetryAfter.of(headers("Retry-After", "Mon, 02 Mar 2026 10:00:00 GMT"), NOW)).isZero();
    }

    @Test
    void formBodiesRoundTrip() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", "+15558675310");
        fields.put("Body", "Привет & 100% off = yes");

        String body = FormBody.encode(fields);

        assertThat(body).startsWith("To=%2B15558675310&Body=");
        assertThat(FormBody.decode(body)).containsExactlyEntriesOf(fields);
        assertThat(FormBody.decode("a=1&&b&c=")).containsExactly(Map.entry("a", "1"), Map.entry("b", ""),
                Map.entry("c", ""));
    }

    @Test
    void queryParametersAreAddedWhereTheUrlNeedsThem() {
        assertThat(HttpUrls.withQueryParameter("https://h.example/s", "message_id", "a b"))
                .isEqualTo("https://h.example/s?message_id=a+b");
        assertThat(HttpUrls.withQueryParameter("https://h.example/s?x=1", "message_id", "m"))
                .isEqualTo("https://h.example/s?x=1&message_id=m");
        assertThat(HttpUrls.withQueryParameter("https://h.example/s?", "message_id", "m"))
                .isEqualTo("https://h.example/s?message_id=m");
        assertThat(HttpUrls.withQueryParameter("https://h.example/s#top", "message_id", "m"))
                .isEqualTo("https://h.example/s?message_id=m#top");
    }

    @Test
    void baseUrlsLoseTrailingSlashesAndMustBeHttp() {
        assertThat(HttpUrls.requireBase("https://api.twilio.com//", "base")).isEqualTo("https://api.twilio.com");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpUrls.requireBase("ftp://h.example", "base"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpUrls.requireBase("/relative", "base"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpUrls.requireBase(" ", "base"))
                .withMessage("base is missing");
    }

    @Test
    void snippetsAreOneShortLine() {
        HttpOutcome.Answered answer = new HttpOutcome.Answered(502, headers("Content-Type", "text/html"),
                "<html>\n  <body>" + "x".repeat(300) + "</body>\n</html>");

        assertThat(answer.snippet()).startsWith("<html> <body>xxx").endsWith("...").hasSize(203);
        assertThat(answer.temporary()).isTrue();
        assertThat(answer.successful()).isFalse();
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }
}
