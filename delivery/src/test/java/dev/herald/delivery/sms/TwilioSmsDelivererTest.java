package dev.herald.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.HttpCalls;
import dev.herald.delivery.http.MutableClock;
import dev.herald.delivery.http.StubAnswer;
import dev.herald.delivery.http.StubRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioSmsDelivererTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final String FROM = "+15017122661";
    private static final String TO = "+15558675310";
    private static final String TEXT = "Still thinking about the blue kettle? https://h.example/t/abc";

    private static HttpClient client;
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeAll
    static void startClient() {
        client = HttpCalls.newClient(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    @Test
    void postsTheFormWithBasicAuthAndReturnsTheSid() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            DeliveryResult result = deliverer(settings(twilio)).deliver(sms("msg-1", TO));

            assertThat(result).isEqualTo(new DeliveryResult.Accepted("SM%032x".formatted(1)));
            StubRequest request = twilio.lastRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
            assertThat(request.header("Authorization"))
                    .isEqualTo("Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpm"
                            + "MDBkZmVlZGYwMGRmZWVkZjAwZGZlZWRmMDBkZmVlZA==");
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.form()).containsExactly(Map.entry("To", TO), Map.entry("From", FROM),
                    Map.entry("Body", TEXT));
            assertThat(request.body()).contains("To=%2B15558675310");
        }
    }

    @Test
    void sendsFromAMessagingServiceWithAStatusCallbackCarryingTheMessageId() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            TwilioSettings settings = TwilioSettings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                    new TwilioSender.MessagingService("MG9752274e9e519418a7406176694466fa"))
                    .withBaseUrl(twilio.baseUrl() + "/")
                    .withStatusCallbackUrl("https://herald.example/twilio/status?tenant=shop");

            DeliveryResult result = deliverer(settings).deliver(sms("msg 2/ü", TO));

            assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
            assertThat(twilio.lastRequest().form()).containsExactly(Map.entry("To", TO),
                    Map.entry("MessagingServiceSid", "MG9752274e9e519418a7406176694466fa"), Map.entry("Body", TEXT),
                    Map.entry("StatusCallback",
                            "https://herald.example/twilio/status?tenant=shop&message_id=msg+2%2F%C3%BC"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +15005550001 | 21211 | not a valid phone number
            +15005550009 | 21614 | not a mobile number
            +15005550002 | 21612 | cannot be reached
            +15005550003 | 21408 | region
            +15005550004 | 21610 | opted out by replying STOP
            """)
    void errorsAboutTheNumberMarkTheContactInvalid(String to, int code, String says) {
        try (FakeTwilio twilio = new FakeTwilio()) {
            DeliveryResult result = deliverer(settings(twilio)).deliver(sms("msg-1", to));

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
                assertThat(rejected.contactInvalid()).isTrue();
                assertThat(rejected.reason()).contains(says).contains("error " + code)
                        .contains("https://www.twilio.com/docs/errors/" + code);
            });
        }
    }

    @Test
    void otherClientErrorsRejectTheMessageOnly() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            twilio.enqueue(FakeTwilio.error(400, 21617, "The concatenated message body exceeds the 1600 character"
                    + " limit."));

            DeliveryResult result = deliverer(settings(twilio)).deliver(sms("msg-1", TO));

            assertThat(result).isEqualTo(new DeliveryResult.Rejected("Twilio answered 400, error 21617: The"
                    + " concatenated message body exceeds the 1600 character limit."
                    + " (https://www.twilio.com/docs/errors/21617)", false));
        }
    }

    @Test
    void aWrongAuthTokenIsRejectedWithoutBlamingTheNumber() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            TwilioSettings settings = new TwilioSettings(FakeTwilio.ACCOUNT_SID, "wrong-token",
                    new TwilioSender.PhoneNumber(FROM), twilio.baseUrl(), "", Duration.ofSeconds(2));

            DeliveryResult result = deliverer(settings).deliver(sms("msg-1", TO));

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
                assertThat(rejected.contactInvalid()).isFalse();
                assertThat(rejected.reason()).contains("401").contains("20003");
            });
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheSecondsGiven() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            twilio.enqueue(FakeTwilio.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "7"));

            DeliveryResult result = deliverer(settings(twilio)).deliver(sms("msg-1", TO));

            assertThat(result).isEqualTo(new DeliveryResult.Retry("Twilio answered 429, error 20429: Too Many"
                    + " Requests (https://www.twilio.com/docs/errors/20429)", Duration.ofSeconds(7)));
        }
    }

    @Test
    void serverErrorsAreRetriedAfterTheDateGivenOrTheOutboxsBackoff() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            twilio.enqueue(
                    FakeTwilio.error(503, 20503, "Service Unavailable")
                            .withHeader("Retry-After", "Mon, 02 Mar 2026 10:17:00 GMT"),
                    StubAnswer.text(502, "<html><body>Bad Gateway</body></html>"));
            TwilioSmsDeliverer deliverer = deliverer(settings(twilio));

            DeliveryResult unavailable = deliverer.deliver(sms("msg-1", TO));
            DeliveryResult badGateway = deliverer.deliver(sms("msg-1", TO));

            assertThat(unavailable).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                    retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(90)));
            assertThat(badGateway).isEqualTo(new DeliveryResult.Retry(
                    "Twilio answered 502: <html><body>Bad Gateway</body></html>", Duration.ZERO));
        }
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            twilio.enqueue(StubAnswer.json(201, "{\"sid\": \"SMlate\"}").after(Duration.ofSeconds(3)));
            TwilioSettings settings = settings(twilio).withTimeout(Duration.ofMillis(200));

            long start = System.nanoTime();
            DeliveryResult result = deliverer(settings).deliver(sms("msg-1", TO));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class, retry -> {
                assertThat(retry.reason()).contains("timed out after PT0.2S");
                assertThat(retry.after()).isZero();
            });
        }
    }

    @Test
    void anUnreachableServerIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSettings settings = TwilioSettings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                new TwilioSender.PhoneNumber(FROM)).withBaseUrl("http://127.0.0.1:" + closedPort);

        DeliveryResult result = deliverer(settings).deliver(sms("msg-1", TO));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).startsWith("cannot reach 127.0.0.1"));
    }

    @Test
    void anAnswerWithoutASidIsNotTakenForAcceptance() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            twilio.enqueue(StubAnswer.json(201, "{}"));

            DeliveryResult result = deliverer(settings(twilio)).deliver(sms("msg-1", TO));

            assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("without a message sid"));
        }
    }

    @Test
    void contentOtherThanSmsIsRejectedWithoutARequest() {
        try (FakeTwilio twilio = new FakeTwilio()) {
            Delivery push = new Delivery("msg-1", "user-1", Channel.SMS, MessageKind.MARKETING, TO,
                    new MessageContent.Push("Title", "Body", "app://cart"), "");

            DeliveryResult result = deliverer(settings(twilio)).deliver(push);

            assertThat(result).isEqualTo(new DeliveryResult.Rejected("Twilio sends SMS content only, got Push", false));
            assertThat(twilio.requests()).isEmpty();
        }
    }

    @Test
    void servesTheSmsChannelAndHidesTheTokenFromToString() {
        TwilioSettings settings = TwilioSettings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                new TwilioSender.PhoneNumber(FROM));

        assertThat(new TwilioSmsDeliverer(settings).channel()).isEqualTo(Channel.SMS);
        assertThat(settings.baseUrl()).isEqualTo("https://api.twilio.com");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).doesNotContain(FakeTwilio.AUTH_TOKEN);
    }

    private TwilioSmsDeliverer deliverer(TwilioSettings settings) {
        return new TwilioSmsDeliverer(settings, client, clock);
    }

    private static TwilioSettings settings(FakeTwilio twilio) {
        return TwilioSettings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, new TwilioSender.PhoneNumber(FROM))
                .withBaseUrl(twilio.baseUrl())
                .withTimeout(Duration.ofSeconds(2));
    }

    private static Delivery sms(String messageId, String to) {
        return new Delivery(messageId, "user-1", Channel.SMS, MessageKind.MARKETING, to, new MessageContent.Sms(TEXT),
                "");
    }
}
