package dev.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.delivery.sms.TwilioWebhooks;
import dev.herald.store.OutboxEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twilio's signed webhooks: a delivery report becomes engagement; an inbound STOP withdraws SMS consent. */
class TwilioRoutesTest {

    static final String TOKEN = "twilio-auth-token";
    static final TwilioWebhooks TWILIO = new TwilioWebhooks(TOKEN);

    @TempDir
    Path dir;

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    void shouldRecordDeliveryAndTakeAStopAsAnOptOut() throws Exception {
        try (ServerFixture herald = new ServerFixture(dir.resolve("data"), Optional.of(TOKEN))) {
            herald.track("/v1/identify", """
                    {"userId": "u1", "timestamp": "2024-03-04T10:00:00Z",
                     "traits": {"phone": "+4917012345678", "consent": {"sms": true}}}""");
            herald.server.store().outbox().enqueue(OutboxEntry.pending("m_1", "u1", "abandoned_cart", "sms",
                    "marketing", "+4917012345678", "{\"type\": \"sms\", \"text\": \"Hi\"}",
                    Instant.parse("2024-03-04T10:00:00Z"), null));

            Map<String, String> status = new LinkedHashMap<>();
            status.put("MessageSid", "SM1");
            status.put("MessageStatus", "delivered");
            status.put("To", "+4917012345678");
            String statusUrl = "http://localhost:8080/hooks/twilio/status?message_id=m_1";
            assertThat(herald.form("/hooks/twilio/status?message_id=m_1", form(status), Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(herald.form("/hooks/twilio/status?message_id=m_1", form(status), Map.of(
                    TwilioWebhooks.SIGNATURE_HEADER, TWILIO.sign(statusUrl, status))).statusCode()).isEqualTo(204);
            assertThat(herald.server.store().engagements().forMessage("m_1")).extracting(r -> r.type())
                    .containsExactly("delivered");

            Map<String, String> inbound = new LinkedHashMap<>();
            inbound.put("MessageSid", "SM2");
            inbound.put("From", "+4917012345678");
            inbound.put("To", "+15005550006");
            inbound.put("Body", "STOP");
            String inboundUrl = "http://localhost:8080/hooks/twilio/inbound";
            assertThat(herald.form("/hooks/twilio/inbound", form(inbound), Map.of(TwilioWebhooks.SIGNATURE_HEADER,
                    TWILIO.sign(inboundUrl, inbound))).body()).contains("<Response>");
            herald.track("/v1/batch", """
                    {"batch": [{"type": "page", "userId": "u9", "timestamp": "2024-03-04T11:00:00Z"}]}""");

            assertThat(HeraldServerTest.eventually(() -> herald.admin("/admin/users/u1"),
                    user -> !user.at("/profile/marketingConsent/sms").asBoolean())
                    .at("/profile/marketingConsent/sms").asBoolean()).isFalse();
        }
    }
}
