package dev.herald.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.HttpCalls;
import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.MutableClock;
import dev.herald.delivery.http.StubAnswer;
import dev.herald.delivery.http.StubRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDelivererTest {

    private static final String SECRET = "whsec_5f1d2c0ffee";
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30.250Z");

    private static HttpClient client;

    private final MutableClock clock = new MutableClock(NOW);
    private FakeReceiver receiver;

    @BeforeAll
    static void startClient() {
        client = HttpCalls.newClient(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    @BeforeEach
    void startReceiver() {
        receiver = new FakeReceiver(SECRET, clock);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void postsSignedJsonWithAnIdempotencyKey() throws Exception {
        Delivery delivery = delivery(new MessageContent.Push("Your kettle is waiting", "Back in stock.",
                "herald://cart"));

        DeliveryResult result = deliverer(settings()).deliver(delivery);

        assertThat(result).isEqualTo(new DeliveryResult.Accepted("msg-1"));
        StubRequest request = receiver.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeReceiver.PATH);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo("msg-1");
        assertThat(request.body()).isEqualTo("""
                {"message_id":"msg-1","user_id":"user-42","channel":"webhook","kind":"marketing",\
                "address":"acct-42","content":{"type":"push","title":"Your kettle is waiting",\
                "body":"Back in stock.","deep_link":"herald://cart"},"sent_at":"2026-03-02T10:15:30Z"}""");
        String t = String.valueOf(NOW.getEpochSecond());
        assertThat(request.header("X-Herald-Signature"))
                .isEqualTo("t=" + t + ",v1=" + hmacSha256Hex(SECRET, t + "." + request.body()));
    }

    @Test
    void writesEveryContentTypeWithItsFields() {
        WebhookDeliverer deliverer = deliverer(settings());

        deliverer.deliver(delivery(new MessageContent.Email("Subject", "Pre", "<p>Hi</p>", "Hi", "Open", "https://x")));
        assertThat(receiver.lastRequest().json().path("content")).isEqualTo(JsonBodies.read("""
                {"type": "email", "subject": "Subject", "preheader": "Pre", "html": "<p>Hi</p>", "text": "Hi",
                 "call_to_action": "Open", "url": "https://x"}"""));

        deliverer.deliver(delivery(new MessageContent.Sms("Привет! https://x")));
        assertThat(receiver.lastRequest().json().path("content"))
                .isEqualTo(JsonBodies.read("{\"type\": \"sms\", \"text\": \"Привет! https://x\"}"));

        deliverer.deliver(delivery(new MessageContent.InApp("Title", "**Bold**", "See", "https://y")));
        assertThat(receiver.lastRequest().json().path("content")).isEqualTo(JsonBodies.read("""
                {"type": "in_app", "title": "Title", "markdown": "**Bold**", "call_to_action": "See",
                 "url": "https://y"}"""));
        assertThat(receiver.requests()).hasSize(3);
    }

    @Test
    void servesTheChannelItIsConfiguredFor() {
        WebhookDeliverer inApp = new WebhookDeliverer(settings(), Channel.IN_APP, client, clock);
        Delivery delivery = new Delivery("msg-7", "user-42", Channel.IN_APP, MessageKind.TRANSACTIONAL, "user-42",
                new MessageContent.InApp("Shipped", "On its way", "Track", "https://t"), "");

        assertThat(inApp.channel()).isEqualTo(Channel.IN_APP);
        assertThat(new WebhookDeliverer(settings()).channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(inApp.deliver(delivery)).isEqualTo(new DeliveryResult.Accepted("msg-7"));
        assertThat(receiver.lastRequest().json().path("channel").asText()).isEqualTo("in_app");
        assertThat(receiver.lastRequest().json().path("kind").asText()).isEqualTo("transactional");
    }

    @Test
    void goneMarksTheAddressInvalid() {
        receiver.enqueue(StubAnswer.json(410, "{\"error\": \"unknown user\"}"));

        DeliveryResult result = deliverer(settings()).deliver(delivery(new MessageContent.Sms("hi")));

        assertThat(result).isEqualTo(new DeliveryResult.Rejected("the receiver no longer knows the address (the"
                + " webhook 127.0.0.1 answered 410: {\"error\": \"unknown user\"})", true));
    }

    @Test
    void otherClientErrorsAndRedirectsRejectTheMessageOnly() {
        receiver.enqueue(StubAnswer.text(422, "missing field"),
                StubAnswer.text(301, "").withHeader("Location", "https://elsewhere.example/hook"));
        WebhookDeliverer deliverer = deliverer(settings());

        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi")))).isEqualTo(new DeliveryResult.Rejected(
                "the webhook 127.0.0.1 answered 422: missing field", false));
        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi")))).isEqualTo(new DeliveryResult.Rejected(
                "the webhook 127.0.0.1 answered 301", false));
    }

    @Test
    void aReceiverWithAnotherSecretRefusesTheSignature() {
        WebhookSettings wrong = new WebhookSettings(receiver.url(), "whsec_wrong", Duration.ofSeconds(2));

        DeliveryResult result = deliverer(wrong).deliver(delivery(new MessageContent.Sms("hi")));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("401").contains("bad signature");
            assertThat(rejected.contactInvalid()).isFalse();
        });
    }

    @Test
    void rateLimitsServerErrorsAndRequestTimeoutsAreRetried() {
        receiver.enqueue(StubAnswer.text(429, "slow down").withHeader("Retry-After", "12"),
                StubAnswer.text(503, "").withHeader("Retry-After", "Mon, 02 Mar 2026 10:16:30 GMT"),
                StubAnswer.text(500, "boom"),
                StubAnswer.text(408, ""));
        WebhookDeliverer deliverer = deliverer(settings());

        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi")))).isEqualTo(new DeliveryResult.Retry(
                "the webhook 127.0.0.1 answered 429: slow down", Duration.ofSeconds(12)));
        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi")))).isEqualTo(new DeliveryResult.Retry(
                "the webhook 127.0.0.1 answered 503", Duration.ofMillis(59_750)));
        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi")))).isEqualTo(new DeliveryResult.Retry(
                "the webhook 127.0.0.1 answered 500: boom", Duration.ZERO));
        assertThat(deliverer.deliver(delivery(new MessageContent.Sms("hi"))))
                .isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetried() {
        receiver.enqueue(StubAnswer.text(200, "ok").after(Duration.ofSeconds(3)));

        DeliveryResult result = deliverer(settings().withTimeout(Duration.ofMillis(200)))
                .deliver(delivery(new MessageContent.Sms("hi")));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("timed out after PT0.2S"));
    }

    @Test
    void anUnreachableReceiverIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookSettings settings = WebhookSettings.of("http://127.0.0.1:" + closedPort + "/hook", SECRET);

        DeliveryResult result = deliverer(settings).deliver(delivery(new MessageContent.Sms("hi")));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).startsWith("cannot reach 127.0.0.1"));
    }

    @Test
    void aMessageIdThatCannotBeAHeaderIsRejectedWithoutThrowing() {
        Delivery broken = new Delivery("msg\r\nX-Injected: 1", "user-42", Channel.WEBHOOK, MessageKind.MARKETING,
                "acct-42", new MessageContent.Sms("hi"), "");

        DeliveryResult result = deliverer(settings()).deliver(broken);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).startsWith("cannot build the request");
            assertThat(rejected.contactInvalid()).isFalse();
        });
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void settingsDefaultsAndSecretHiding() {
        WebhookSettings settings = WebhookSettings.of("https://app.example/hooks/herald", SECRET);

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    private WebhookDeliverer deliverer(WebhookSettings settings) {
        return new WebhookDeliverer(settings, Channel.WEBHOOK, client, clock);
    }

    private WebhookSettings settings() {
        return new WebhookSettings(receiver.url(), SECRET, Duration.ofSeconds(2));
    }

    private static Delivery delivery(MessageContent content) {
        return new Delivery("msg-1", "user-42", Channel.WEBHOOK, MessageKind.MARKETING, "acct-42", content, "");
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
