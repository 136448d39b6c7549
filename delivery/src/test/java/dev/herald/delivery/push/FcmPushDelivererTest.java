package dev.herald.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcmPushDelivererTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final String DEVICE = "fKx3d9QyT0eA:APA91bH-device-token";
    private static final MessageContent.Push PUSH = new MessageContent.Push("Your kettle is waiting",
            "The blue one is back in stock.", "herald://cart?m=msg-1");

    private static KeyPair keys;
    private static HttpClient client;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private FakeFcm fcm;

    @BeforeAll
    static void generateKeyAndClient() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        client = HttpCalls.newClient(Duration.ofSeconds(2));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void startFcm() {
        fcm = new FakeFcm(keys.getPublic());
    }

    @AfterEach
    void stopFcm() {
        fcm.close();
    }

    @Test
    void signsAJwtTradesItForATokenAndSendsTheMessage() throws IOException {
        DeliveryResult result = deliverer(settings()).deliver(push("msg-1", DEVICE));

        assertThat(result).isEqualTo(new DeliveryResult.Accepted(
                "projects/herald-test/messages/0:1500415314455271%31bd1c9631bd1c96"));

        StubRequest token = fcm.tokenRequests().getFirst();
        assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.form()).containsOnlyKeys("grant_type", "assertion")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(JsonBodies.write(fcm.lastJwtHeader())).isEqualTo("""
                {"alg":"RS256","typ":"JWT","kid":"7d1c0ffee0ddba11"}""");
        assertThat(JsonBodies.write(fcm.lastClaims())).isEqualTo("""
                {"iss":"herald-push@herald-test.iam.gserviceaccount.com",\
                "scope":"https://www.googleapis.com/auth/firebase.messaging","aud":"%s",\
                "iat":%d,"exp":%d}""".formatted(fcm.tokenUrl(), NOW.getEpochSecond(), NOW.getEpochSecond() + 3600));

        StubRequest send = fcm.sendRequests().getFirst();
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.path()).isEqualTo("/v1/projects/herald-test/messages:send");
        assertThat(send.header("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(send.header("Content-Type")).startsWith("application/json");
        assertThat(send.json()).isEqualTo(JsonBodies.read("""
                {"message": {
                  "token": "fKx3d9QyT0eA:APA91bH-device-token",
                  "notification": {"title": "Your kettle is waiting", "body": "The blue one is back in stock."},
                  "data": {"message_id": "msg-1", "deep_link": "herald://cart?m=msg-1"},
                  "android": {"priority": "high"},
                  "apns": {"payload": {"aps": {"sound": "default"}}}}}"""));
    }

    @Test
    void keepsTheTokenUntilShortlyBeforeItExpires() throws IOException {
        FcmPushDeliverer deliverer = deliverer(settings());

        deliverer.deliver(push("msg-1", DEVICE));
        deliverer.deliver(push("msg-2", DEVICE));
        clock.advance(Duration.ofSeconds(3599 - 301));
        deliverer.deliver(push("msg-3", DEVICE));
        assertThat(fcm.tokenRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        DeliveryResult fourth = deliverer.deliver(push("msg-4", DEVICE));

        assertThat(fourth).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(fcm.tokenRequests()).hasSize(2);
        assertThat(fcm.sendRequests()).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer ya29.fake-1", "Bearer ya29.fake-1", "Bearer ya29.fake-1",
                        "Bearer ya29.fake-2");
    }

    @Test
    void threadsSendingAtOnceShareOneToken() throws Exception {
        FcmPushDeliverer deliverer = deliverer(settings());
        List<Future<DeliveryResult>> results = new ArrayList<>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                String id = "msg-" + i;
                results.add(threads.submit(() -> deliverer.deliver(push(id, DEVICE))));
            }
        }

        for (Future<DeliveryResult> result : results) {
            assertThat(result.get()).isInstanceOf(DeliveryResult.Accepted.class);
        }
        assertThat(fcm.tokenRequests()).hasSize(1);
        assertThat(fcm.sendRequests()).hasSize(16);
    }

    @Test
    void fetchesANewTokenOnceWhenFcmRefusesTheCachedOne() throws IOException {
        FcmPushDeliverer deliverer = deliverer(settings());
        deliverer.deliver(push("msg-1", DEVICE));
        fcm.revokeTokens();

        DeliveryResult result = deliverer.deliver(push("msg-2", DEVICE));

        assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(fcm.tokenRequests()).hasSize(2);
        assertThat(fcm.sendRequests()).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer ya29.fake-1", "Bearer ya29.fake-1", "Bearer ya29.fake-2");
    }

    @Test
    void aSecond401IsRejectedWithoutAThirdToken() throws IOException {
        StubAnswer unauthenticated = FakeFcm.error(401, "UNAUTHENTICATED", "Request had invalid authentication"
                + " credentials.", "");
        fcm.enqueueSend(unauthenticated, unauthenticated);

        DeliveryResult result = deliverer(settings()).deliver(push("msg-1", DEVICE));

        assertThat(result).isEqualTo(new DeliveryResult.Rejected("FCM answered 401 UNAUTHENTICATED: Request had"
                + " invalid authentication credentials.", false));
        assertThat(fcm.tokenRequests()).hasSize(2);
        assertThat(fcm.sendRequests()).hasSize(2);
    }

    @Test
    void aThirdPartyAuthErrorIsNotAboutOurTokenAndIsNotRetried() throws IOException {
        fcm.enqueueSend(FakeFcm.error(401, "UNAUTHENTICATED", "Auth error from APNS or Web Push Service",
                "THIRD_PARTY_AUTH_ERROR"));

        DeliveryResult result = deliverer(settings()).deliver(push("msg-1", DEVICE));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.contactInvalid()).isFalse();
            assertThat(rejected.reason()).contains("THIRD_PARTY_AUTH_ERROR");
        });
        assertThat(fcm.tokenRequests()).hasSize(1);
        assertThat(fcm.sendRequests()).hasSize(1);
    }

    @Test
    void unregisteredTokensAreInvalidContacts() throws IOException {
        fcm.enqueueSend(FakeFcm.error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));

        DeliveryResult result = deliverer(settings()).deliver(push("msg-1", DEVICE));

        assertThat(result).isEqualTo(new DeliveryResult.Rejected("the push token is no longer registered (the app"
                + " was uninstalled or the token expired); remove it (FCM answered 404 UNREGISTERED: Requested"
                + " entity was not found.)", true));
    }

    @Test
    void malformedTokensAndTokensOfAnotherSenderAreInvalidContacts() throws IOException {
        fcm.enqueueSend(
                FakeFcm.error(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
                        "INVALID_ARGUMENT"),
                FakeFcm.badRequest("message.token", "Invalid registration token"),
                FakeFcm.error(403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH"));
        FcmPushDeliverer deliverer = deliverer(settings());

        for (int i = 0; i < 3; i++) {
            assertThat(deliverer.deliver(push("msg-" + i, "bogus")))
                    .isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
                        assertThat(rejected.contactInvalid()).isTrue();
                        assertThat(rejected.reason()).contains("remove it");
                    });
        }
    }

    @Test
    void invalidPayloadsAndOtherRefusalsRejectTheMessageOnly() throws IOException {
        fcm.enqueueSend(
                FakeFcm.badRequest("message.data[0].value", "Invalid value at 'message.data[0].value'"),
                FakeFcm.error(400, "INVALID_ARGUMENT", "Message is too big", "INVALID_ARGUMENT"),
                FakeFcm.error(403, "PERMISSION_DENIED", "Permission 'cloudmessaging.messages.create' denied", ""),
                FakeFcm.error(404, "NOT_FOUND", "Requested entity was not found.", ""));
        FcmPushDeliverer deliverer = deliverer(settings());

        for (int i = 0; i < 4; i++) {
            assertThat(deliverer.deliver(push("msg-" + i, DEVICE)))
                    .isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                            rejected -> assertThat(rejected.contactInvalid()).isFalse());
        }
    }

    @Test
    void quotaAndServerErrorsAreRetriedAfterRetryAfter() throws IOException {
        fcm.enqueueSend(
                FakeFcm.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded", "QUOTA_EXCEEDED")
                        .withHeader("Retry-After", "60"),
                FakeFcm.error(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE")
                        .withHeader("Retry-After", "Mon, 02 Mar 2026 10:16:00 GMT"),
                FakeFcm.error(500, "INTERNAL", "Internal error encountered.", "INTERNAL"),
                StubAnswer.text(502, "Bad Gateway"));
        FcmPushDeliverer deliverer = deliverer(settings());

        assertThat(deliverer.deliver(push("msg-1", DEVICE))).isEqualTo(new DeliveryResult.Retry(
                "FCM answered 429 QUOTA_EXCEEDED: Quota exceeded", Duration.ofSeconds(60)));
        assertThat(deliverer.deliver(push("msg-2", DEVICE))).isEqualTo(new DeliveryResult.Retry(
                "FCM answered 503 UNAVAILABLE: The service is currently unavailable.", Duration.ofSeconds(30)));
        assertThat(deliverer.deliver(push("msg-3", DEVICE))).isEqualTo(new DeliveryResult.Retry(
                "FCM answered 500 INTERNAL: Internal error encountered.", Duration.ZERO));
        assertThat(deliverer.deliver(push("msg-4", DEVICE))).isEqualTo(new DeliveryResult.Retry(
                "FCM answered 502: Bad Gateway", Duration.ZERO));
    }

    @Test
    void aSlowFcmTimesOutAndIsRetried() throws IOException {
        fcm.enqueueSend(StubAnswer.json(200, "{\"name\": \"late\"}").after(Duration.ofSeconds(3)));
        FcmPushDeliverer deliverer = deliverer(settings().withTimeout(Duration.ofMillis(300)));

        DeliveryResult result = deliverer.deliver(push("msg-1", DEVICE));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("timed out"));
    }

    @Test
    void aRefusedServiceAccountIsRejectedAndAnOverloadedTokenEndpointRetried() throws IOException {
        fcm.enqueueToken(
                StubAnswer.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid grant:"
                        + " account not found\"}"),
                StubAnswer.json(503, "{\"error\": \"temporarily_unavailable\"}").withHeader("Retry-After", "5"));
        FcmPushDeliverer deliverer = deliverer(settings());

        DeliveryResult refused = deliverer.deliver(push("msg-1", DEVICE));
        DeliveryResult overloaded = deliverer.deliver(push("msg-2", DEVICE));

        assertThat(refused).isEqualTo(new DeliveryResult.Rejected("the token endpoint refused the service account"
                + " herald-push@herald-test.iam.gserviceaccount.com (400 invalid_grant: Invalid grant: account not"
                + " found)", false));
        assertThat(overloaded).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(fcm.sendRequests()).isEmpty();
    }

    @Test
    void aTokenThatCannotBeAHeaderIsRejectedWithoutThrowing() throws IOException {
        fcm.enqueueToken(StubAnswer.json(200, "{\"access_token\": \"ya29.bad\\r\\nX: y\", \"expires_in\": 3599}"));

        DeliveryResult result = deliverer(settings()).deliver(push("msg-1", DEVICE));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("cannot build the request"));
        assertThat(fcm.sendRequests()).isEmpty();
    }

    @Test
    void usesTheServiceAccountsTokenUriUnlessOverridden() throws IOException {
        Path file = serviceAccountFile(fcm.tokenUrl());
        FcmSettings settings = FcmSettings.of(FakeFcm.PROJECT, file).withBaseUrl(fcm.baseUrl());

        DeliveryResult result = new FcmPushDeliverer(settings, client, clock).deliver(push("msg-1", DEVICE));

        assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(fcm.tokenRequests()).hasSize(1);
    }

    @Test
    void pushWithoutDeepLinkCarriesTheMessageIdOnly() throws IOException {
        Delivery delivery = new Delivery("msg-1", "user-1", Channel.PUSH, MessageKind.TRANSACTIONAL, DEVICE,
                new MessageContent.Push("Shipped", "Your order is on its way.", ""), "");

        deliverer(settings()).deliver(delivery);

        assertThat(fcm.sendRequests().getFirst().json().path("message").path("data"))
                .isEqualTo(JsonBodies.read("{\"message_id\": \"msg-1\"}"));
    }

    @Test
    void contentOtherThanPushIsRejectedWithoutARequest() throws IOException {
        Delivery sms = new Delivery("msg-1", "user-1", Channel.PUSH, MessageKind.MARKETING, DEVICE,
                new MessageContent.Sms("hello"), "");

        assertThat(deliverer(settings()).deliver(sms))
                .isEqualTo(new DeliveryResult.Rejected("FCM sends push content only, got Sms", false));
        assertThat(fcm.tokenRequests()).isEmpty();
    }

    @Test
    void refusesServiceAccountFilesItCannotUse() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path pkcs1 = Files.writeString(dir.resolve("pkcs1.json"), """
                {"type": "service_account", "client_email": "a@b.iam.gserviceaccount.com",
                 "private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIB\\n-----END RSA PRIVATE KEY-----\\n",
                 "token_uri": "https://oauth2.googleapis.com/token"}""");
        Path user = Files.writeString(dir.resolve("user.json"), """
                {"type": "authorized_user", "client_id": "x", "refresh_token": "y"}""");

        assertThatThrownBy(() -> new FcmPushDeliverer(FcmSettings.of(FakeFcm.PROJECT, missing)))
                .isInstanceOf(UncheckedIOException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> new FcmPushDeliverer(FcmSettings.of(FakeFcm.PROJECT,
                pkcs1))).withMessageContaining("PKCS#8");
        assertThatIllegalArgumentException().isThrownBy(() -> new FcmPushDeliverer(FcmSettings.of(FakeFcm.PROJECT,
                user))).withMessageContaining("authorized_user");
    }

    @Test
    void defaultsAndKeyHiding() throws IOException {
        Path file = serviceAccountFile("https://oauth2.googleapis.com/token");
        FcmSettings settings = FcmSettings.of(FakeFcm.PROJECT, file);
        ServiceAccount account = ServiceAccount.read(file);

        assertThat(settings.baseUrl()).isEqualTo("https://fcm.googleapis.com");
        assertThat(settings.tokenUrl()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new FcmPushDeliverer(settings).channel()).isEqualTo(Channel.PUSH);
        assertThat(account.tokenUri()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(account.toString()).doesNotContain("PRIVATE").doesNotContain("modulus");
    }

    private FcmPushDeliverer deliverer(FcmSettings settings) {
        return new FcmPushDeliverer(settings, client, clock);
    }

    /** Settings whose service account names Google's token URI, overridden to the fake's. */
    private FcmSettings settings() throws IOException {
        return FcmSettings.of(FakeFcm.PROJECT, serviceAccountFile("https://oauth2.googleapis.com/token"))
                .withBaseUrl(fcm.baseUrl())
                .withTokenUrl(fcm.tokenUrl())
                .withTimeout(Duration.ofSeconds(2));
    }

    /** A key file as the Google Cloud console downloads it. */
    private Path serviceAccountFile(String tokenUri) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String json = JsonBodies.write(JsonBodies.object()
                .put("type", "service_account")
                .put("project_id", FakeFcm.PROJECT)
                .put("private_key_id", FakeFcm.KEY_ID)
                .put("private_key", pem)
                .put("client_email", FakeFcm.CLIENT_EMAIL)
                .put("client_id", "104325378563210987654")
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", tokenUri));
        return Files.writeString(Files.createTempFile(dir, "service-account", ".json"), json);
    }

    private static Delivery push(String messageId, String token) {
        return new Delivery(messageId, "user-1", Channel.PUSH, MessageKind.MARKETING, token, PUSH, "");
    }
}
