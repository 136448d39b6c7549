package dev.herald.delivery.sms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.FormBody;
import dev.herald.delivery.http.HttpCalls;
import dev.herald.delivery.http.HttpOutcome;
import dev.herald.delivery.http.HttpUrls;
import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.RetryAfter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends SMS through Twilio's Messages resource: {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}
 * with the form fields {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body} and, when configured,
 * {@code StatusCallback} (carrying Herald's message id as {@code message_id}), authenticated with HTTP Basic
 * {@code AccountSid:AuthToken}.
 *
 * <p>Twilio's answer becomes:
 *
 * <ul>
 *   <li>2xx (201 Created) with the message resource: {@link DeliveryResult.Accepted} with its {@code sid};
 *   <li>an error whose code condemns the number ({@link TwilioErrorCodes#contactProblem(int)}: 21211, 21614, 21612,
 *       21408, 21610): {@link DeliveryResult.Rejected} with {@code contactInvalid};
 *   <li>429 or 5xx: {@link DeliveryResult.Retry} after the {@code Retry-After} the answer gives;
 *   <li>any other answer: {@link DeliveryResult.Rejected} (the message or the account is at fault, not the number);
 *   <li>no answer (connection failed, timeout): {@link DeliveryResult.Retry}.
 * </ul>
 */
public final class TwilioSmsDeliverer implements Deliverer {

    private final TwilioSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final URI endpoint;
    private final String authorization;

    /** A deliverer with its own HTTP client, on the system clock. */
    public TwilioSmsDeliverer(TwilioSettings settings) {
        this(settings, HttpCalls.newClient(settings.timeout()), Clock.systemUTC());
    }

    /**
     * A deliverer on a given HTTP client (which may be shared) and clock (for {@code Retry-After} dates).
     */
    public TwilioSmsDeliverer(TwilioSettings settings, HttpClient client, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endpoint = URI.create(settings.baseUrl() + "/2010-04-01/Accounts/"
                + FormBody.encodePart(settings.accountSid()) + "/Messages.json");
        String credentials = settings.accountSid() + ":" + settings.authToken();
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.content() instanceof MessageContent.Sms sms)) {
            return new DeliveryResult.Rejected("Twilio sends SMS content only, got "
                    + delivery.content().getClass().getSimpleName(), false);
        }
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", FormBody.CONTENT_TYPE + "; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormBody.encode(form(delivery, sms)), StandardCharsets.UTF_8))
                .build();
        return switch (HttpCalls.send(client, request)) {
            case HttpOutcome.Unsendable unsendable -> new DeliveryResult.Rejected(unsendable.reason(), false);
            case HttpOutcome.Unanswered unanswered -> new DeliveryResult.Retry(unanswered.reason(), Duration.ZERO);
            case HttpOutcome.Answered answered -> classify(answered);
        };
    }

    /** The form fields of the request, in the order the API documents them. */
    private Map<String, String> form(Delivery delivery, MessageContent.Sms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", delivery.address());
        switch (settings.sender()) {
            case TwilioSender.PhoneNumber number -> form.put("From", number.from());
            case TwilioSender.MessagingService service -> form.put("MessagingServiceSid", service.sid());
        }
        form.put("Body", sms.text());
        if (!settings.statusCallbackUrl().isEmpty()) {
            form.put("StatusCallback",
                    HttpUrls.withQueryParameter(settings.statusCallbackUrl(), "message_id", delivery.messageId()));
        }
        return form;
    }

    private DeliveryResult classify(HttpOutcome.Answered answer) {
        JsonNode body = JsonBodies.read(answer.body());
        if (answer.successful()) {
            String sid = body.path("sid").asText("");
            return sid.isEmpty()
                    ? new DeliveryResult.Rejected("Twilio answered " + answer.status()
                            + " without a message sid, so the message may or may not have left: " + answer.snippet(),
                            false)
                    : new DeliveryResult.Accepted(sid);
        }
        int code = body.path("code").asInt(0);
        String error = describe(answer, body, code);
        if (answer.temporary()) {
            return new DeliveryResult.Retry(error, RetryAfter.of(answer.headers(), clock.instant()));
        }
        Optional<String> contactProblem = TwilioErrorCodes.contactProblem(code);
        return contactProblem
                .map(problem -> new DeliveryResult.Rejected(problem + " (" + error + ")", true))
                .orElseGet(() -> new DeliveryResult.Rejected(error, false));
    }

    /** For example {@code Twilio answered 400, error 21211: The 'To' number 5551234567 is not a valid ...}. */
    private static String describe(HttpOutcome.Answered answer, JsonNode body, int code) {
        String message = body.path("message").asText("");
        if (code == 0 && message.isEmpty()) {
            return "Twilio answered " + answer.status() + ": " + answer.snippet();
        }
        String moreInfo = body.path("more_info").asText("");
        return "Twilio answered " + answer.status() + ", error " + code + ": " + message
                + (moreInfo.isEmpty() ? "" : " (" + moreInfo + ")");
    }
}
