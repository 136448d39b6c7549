package dev.herald.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.herald.delivery.http.FormBody;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioWebhooksTest {

    /** The example of Twilio's "Webhooks security" page: auth token, URL, parameters and signature. */
    private static final String DOC_TOKEN = "12345";
    private static final String DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> DOC_PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212");
    private static final String DOC_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private final TwilioWebhooks webhooks = new TwilioWebhooks(DOC_TOKEN);

    @Test
    void signsTwilioDocumentedExample() throws Exception {
        String independent = hmacSha1Base64(DOC_TOKEN, DOC_URL + "CallSidCA1234567890ABCDE" + "Caller+12349013030"
                + "Digits1234" + "From+12349013030" + "To+18005551212");

        assertThat(independent).isEqualTo(DOC_SIGNATURE);
        assertThat(webhooks.sign(DOC_URL, DOC_PARAMS)).isEqualTo(DOC_SIGNATURE);
        assertThat(webhooks.isValid(DOC_SIGNATURE, DOC_URL, DOC_PARAMS)).isTrue();
    }

    @Test
    void validatesASignedFormBodyAsPosted() throws Exception {
        String url = "https://herald.example/twilio/inbound";
        String body = "ToCountry=US&Body=Stop+please%21&From=%2B15558675310&To=%2B15017122661"
                + "&MessageSid=SM2a0e4d5bb3d5b4a1e1e4f43d6c6a9b1f&AccountSid=" + FakeTwilio.ACCOUNT_SID;
        String signed = url + "AccountSid" + FakeTwilio.ACCOUNT_SID + "BodyStop please!" + "From+15558675310"
                + "MessageSidSM2a0e4d5bb3d5b4a1e1e4f43d6c6a9b1f" + "To+15017122661" + "ToCountryUS";
        String signature = hmacSha1Base64(FakeTwilio.AUTH_TOKEN, signed);

        assertThat(new TwilioWebhooks(FakeTwilio.AUTH_TOKEN).isValid(signature, url, FormBody.decode(body))).isTrue();
    }

    @Test
    void refusesTamperedParametersAUrlOrTokenOtherThanSignedAndMissingSignatures() {
        Map<String, String> tampered = new HashMap<>(DOC_PARAMS);
        tampered.put("Digits", "1235");

        assertThat(webhooks.isValid(DOC_SIGNATURE, DOC_URL, tampered)).isFalse();
        assertThat(webhooks.isValid(DOC_SIGNATURE, "https://mycompany.com/myapp.php?foo=1&bar=3", DOC_PARAMS))
                .isFalse();
        assertThat(new TwilioWebhooks("54321").isValid(DOC_SIGNATURE, DOC_URL, DOC_PARAMS)).isFalse();
        assertThat(webhooks.isValid(null, DOC_URL, DOC_PARAMS)).isFalse();
        assertThat(webhooks.isValid("", DOC_URL, DOC_PARAMS)).isFalse();
        assertThat(webhooks.isValid(DOC_SIGNATURE.substring(1), DOC_URL, DOC_PARAMS)).isFalse();
    }

    @Test
    void acceptsTheUrlWithOrWithoutItsDefaultPort() {
        String withPort = webhooks.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", DOC_PARAMS);

        assertThat(webhooks.isValid(withPort, DOC_URL, DOC_PARAMS)).isTrue();
        assertThat(webhooks.isValid(DOC_SIGNATURE, "https://mycompany.com:443/myapp.php?foo=1&bar=2", DOC_PARAMS))
                .isTrue();
        assertThat(webhooks.isValid(DOC_SIGNATURE, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", DOC_PARAMS))
                .isFalse();
    }

    @Test
    void readsADeliveredStatusCallback() {
        TwilioStatusCallback callback = webhooks.statusCallback(Map.of(
                "MessageSid", "SM0123", "SmsSid", "SM0123", "MessageStatus", "delivered", "SmsStatus", "delivered",
                "To", "+15558675310", "AccountSid", FakeTwilio.ACCOUNT_SID, "message_id", "msg-1"));

        assertThat(callback).isEqualTo(new TwilioStatusCallback("SM0123", TwilioMessageStatus.DELIVERED,
                OptionalInt.empty(), "msg-1", "+15558675310"));
        assertThat(callback.status().isFinal()).isTrue();
        assertThat(callback.status().isFailure()).isFalse();
        assertThat(callback.contactInvalid()).isFalse();
    }

    @Test
    void readsFailuresWithTheirErrorCode() {
        TwilioStatusCallback landline = webhooks.statusCallback(
                Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "ErrorCode", "30006"));
        TwilioStatusCallback filtered = webhooks.statusCallback(
                Map.of("MessageSid", "SM2", "MessageStatus", "failed", "ErrorCode", "30007"));
        TwilioStatusCallback sent = webhooks.statusCallback(Map.of("SmsSid", "SM3", "SmsStatus", "sent"));

        assertThat(landline.errorCode()).hasValue(30006);
        assertThat(landline.status().isFailure()).isTrue();
        assertThat(landline.contactInvalid()).isTrue();
        assertThat(filtered.contactInvalid()).isFalse();
        assertThat(sent.status()).isEqualTo(TwilioMessageStatus.SENT);
        assertThat(sent.status().isFinal()).isFalse();
        assertThat(sent.messageId()).isEmpty();
    }

    @Test
    void refusesStatusCallbacksItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> webhooks.statusCallback(Map.of("MessageStatus", "sent")))
                .withMessageContaining("MessageSid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> webhooks.statusCallback(Map.of("MessageSid", "SM1", "MessageStatus", "lost")))
                .withMessageContaining("'lost'");
        assertThatIllegalArgumentException().isThrownBy(() -> webhooks
                .statusCallback(Map.of("MessageSid", "SM1", "MessageStatus", "failed", "ErrorCode", "oops")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "Unsubscribe", "cancel", "END", "quit!", "СТОП",
            "стоп"})
    void optOutKeywords(String body) {
        InboundSms inbound = webhooks.inbound(inbound(body));

        assertThat(inbound).isInstanceOfSatisfying(InboundSms.OptOut.class, optOut -> {
            assertThat(optOut.from()).isEqualTo("+15558675310");
            assertThat(optOut.to()).isEqualTo("+15017122661");
            assertThat(InboundSms.OPT_OUT_KEYWORDS).contains(optOut.keyword());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Yes"})
    void optInKeywords(String body) {
        assertThat(webhooks.inbound(inbound(body))).isInstanceOf(InboundSms.OptIn.class);
    }

    @Test
    void helpAndOrdinaryReplies() {
        assertThat(webhooks.inbound(inbound("help"))).isEqualTo(new InboundSms.Help("+15558675310", "+15017122661",
                "HELP"));
        assertThat(webhooks.inbound(inbound("STOP PLEASE"))).isEqualTo(new InboundSms.Reply("+15558675310",
                "+15017122661", "STOP PLEASE"));
        assertThat(webhooks.inbound(inbound("Is the kettle still on sale?")))
                .isInstanceOf(InboundSms.Reply.class);
    }

    @Test
    void trustsTwiliosAdvancedOptOutType() {
        Map<String, String> params = new HashMap<>(inbound("ARRET"));
        params.put("OptOutType", "STOP");

        assertThat(webhooks.inbound(params)).isEqualTo(new InboundSms.OptOut("+15558675310", "+15017122661", "STOP"));
    }

    @Test
    void refusesAnInboundMessageWithoutSender() {
        assertThatIllegalArgumentException().isThrownBy(() -> webhooks.inbound(Map.of("Body", "STOP")));
    }

    private static Map<String, String> inbound(String body) {
        return Map.of("MessageSid", "SM9", "From", "+15558675310", "To", "+15017122661", "Body", body);
    }

    private static String hmacSha1Base64(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
