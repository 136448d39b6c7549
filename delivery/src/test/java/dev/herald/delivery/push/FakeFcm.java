package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.StubAnswer;
import dev.herald.delivery.http.StubRequest;
import dev.herald.delivery.http.StubServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Google's token endpoint and FCM's {@code messages:send} on 127.0.0.1. The token endpoint verifies the JWT as
 * Google does (RS256 signature with the service account's public key, issuer, scope, audience, one-hour lifetime)
 * and issues bearer tokens; the send endpoint accepts only tokens it issued and not revoked, checks the message and
 * answers in FCM's format. Answers after the checks can be scripted.
 */
final class FakeFcm implements AutoCloseable {

    static final String PROJECT = "herald-test";
    static final String CLIENT_EMAIL = "herald-push@herald-test.iam.gserviceaccount.com";
    static final String KEY_ID = "7d1c0ffee0ddba11";
    static final String TOKEN_PATH = "/token";
    static final String SEND_PATH = "/v1/projects/" + PROJECT + "/messages:send";

    private final StubServer server;
    private final PublicKey publicKey;
    private final Queue<StubAnswer> tokenScript = new ConcurrentLinkedQueue<>();
    private final Queue<StubAnswer> sendScript = new ConcurrentLinkedQueue<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<JsonNode> lastJwtHeader = new AtomicReference<>();
    private final AtomicReference<JsonNode> lastClaims = new AtomicReference<>();

    FakeFcm(PublicKey publicKey) {
        this.publicKey = publicKey;
        server = StubServer.start(this::answer);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String tokenUrl() {
        return server.baseUrl() + TOKEN_PATH;
    }

    /** Answers the next valid token requests with these instead of a token. */
    FakeFcm enqueueToken(StubAnswer... answers) {
        tokenScript.addAll(List.of(answers));
        return this;
    }

    /** Answers the next authorised, well-formed send requests with these instead of success. */
    FakeFcm enqueueSend(StubAnswer... answers) {
        sendScript.addAll(List.of(answers));
        return this;
    }

    /** Makes every token issued so far invalid, as when it expires or is revoked. */
    void revokeTokens() {
        validTokens.clear();
    }

    List<StubRequest> tokenRequests() {
        return server.requests(TOKEN_PATH);
    }

    List<StubRequest> sendRequests() {
        return server.requests(SEND_PATH);
    }

    JsonNode lastJwtHeader() {
        return lastJwtHeader.get();
    }

    JsonNode lastClaims() {
        return lastClaims.get();
    }

    @Override
    public void close() {
        server.close();
    }

    /** An FCM v1 error, with an FcmError detail when {@code fcmErrorCode} is not empty. */
    static StubAnswer error(int code, String status, String message, String fcmErrorCode) {
        ObjectNode root = JsonBodies.object();
        ObjectNode error = root.putObject("error").put("code", code).put("message", message).put("status", status);
        if (!fcmErrorCode.isEmpty()) {
            error.putArray("details").addObject()
                    .put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
                    .put("errorCode", fcmErrorCode);
        }
        return StubAnswer.json(code, JsonBodies.write(root));
    }

    /** An INVALID_ARGUMENT naming the invalid field, as FCM answers a malformed message. */
    static StubAnswer badRequest(String field, String description) {
        ObjectNode root = JsonBodies.object();
        ObjectNode error = root.putObject("error").put("code", 400).put("message", description)
                .put("status", "INVALID_ARGUMENT");
        error.putArray("details").addObject()
                .put("@type", "type.googleapis.com/google.rpc.BadRequest")
                .putArray("fieldViolations").addObject().put("field", field).put("description", description);
        return StubAnswer.json(400, JsonBodies.write(root));
    }

    private StubAnswer answer(StubRequest request) {
        if (!request.method().equals("POST")) {
            return StubAnswer.text(405, "Method Not Allowed");
        }
        return switch (request.path()) {
            case TOKEN_PATH -> token(request);
            case SEND_PATH -> send(request);
            default -> error(404, "NOT_FOUND", "Requested entity was not found.", "");
        };
    }

    private StubAnswer token(StubRequest request) {
        if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
            return oauthError("invalid_request", "Invalid content type");
        }
        Map<String, String> form = request.form();
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
        }
        String[] parts = form.getOrDefault("assertion", "").split("\\.", -1);
        if (parts.length != 3) {
            return oauthError("invalid_grant", "Invalid JWT: not three parts");
        }
        if (!signatureValid(parts)) {
            return oauthError("invalid_grant", "Invalid JWT Signature.");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        lastJwtHeader.set(header);
        lastClaims.set(claims);
        if (!header.path("alg").asText().equals("RS256") || !header.path("kid").asText().equals(KEY_ID)) {
            return oauthError("invalid_grant", "Invalid JWT header");
        }
        if (!claims.path("iss").asText().equals(CLIENT_EMAIL)
                || !claims.path("aud").asText().equals(tokenUrl())
                || !claims.path("scope").asText().equals("https://www.googleapis.com/auth/firebase.messaging")
                || claims.path("exp").asLong() - claims.path("iat").asLong() != 3600) {
            return oauthError("invalid_grant", "Invalid JWT claims: " + claims);
        }
        StubAnswer scripted = tokenScript.poll();
        if (scripted != null) {
            return scripted;
        }
        String accessToken = "ya29.fake-" + issued.incrementAndGet();
        validTokens.add(accessToken);
        return StubAnswer.json(200, """
                {"access_token": "%s", "expires_in": 3599, "token_type": "Bearer"}""".formatted(accessToken));
    }

    private StubAnswer send(StubRequest request) {
        String authorization = request.header("Authorization");
        if (!authorization.startsWith("Bearer ") || !validTokens.contains(authorization.substring(7))) {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2"
                    + " access token, login cookie or other valid authentication credential.", "");
        }
        if (!request.header("Content-Type").startsWith("application/json")) {
            return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "");
        }
        JsonNode message = request.json().path("message");
        if (!message.path("token").isTextual() || message.path("token").asText().isEmpty()) {
            return badRequest("message", "Recipient of the message is not set.");
        }
        JsonNode notification = message.path("notification");
        if (!notification.path("title").isTextual() || !notification.path("body").isTextual()) {
            return badRequest("message.notification", "Invalid notification");
        }
        for (Map.Entry<String, JsonNode> entry : message.path("data").properties()) {
            if (!entry.getValue().isTextual()) {
                return badRequest("message.data[0].value", "Invalid value at 'message.data[0].value' (TYPE_STRING)");
            }
        }
        StubAnswer scripted = sendScript.poll();
        if (scripted != null) {
            return scripted;
        }
        return StubAnswer.json(200, """
                {"name": "projects/%s/messages/0:150041531445527%d%%31bd1c9631bd1c96"}"""
                .formatted(PROJECT, sent.incrementAndGet()));
    }

    private boolean signatureValid(String[] parts) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode decode(String part) {
        return JsonBodies.read(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static StubAnswer oauthError(String error, String description) {
        return StubAnswer.json(400, JsonBodies.write(
                JsonBodies.object().put("error", error).put("error_description", description)));
    }
}
