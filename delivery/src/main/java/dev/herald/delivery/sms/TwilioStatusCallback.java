package dev.herald.delivery.sms;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a Twilio status callback says about one message.
 *
 * @param messageSid Twilio's id of the message ({@code MessageSid}), the provider id {@link TwilioSmsDeliverer}
 *     returned
 * @param status the new status ({@code MessageStatus})
 * @param errorCode Twilio's error code when the message failed or was undelivered ({@code ErrorCode})
 * @param messageId Herald's message id from the callback URL's {@code message_id} query parameter, or {@code ""}
 *     when the parameters given carry none
 * @param to the recipient ({@code To}), or {@code ""}
 */
public record TwilioStatusCallback(
        String messageSid,
        TwilioMessageStatus status,
        OptionalInt errorCode,
        String messageId,
        String to) {

    public TwilioStatusCallback {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Reads a callback's parameters: the form fields Twilio posted, plus the query parameters of the callback URL
     * when Herald's message id is wanted.
     *
     * @throws IllegalArgumentException when {@code MessageSid} or {@code MessageStatus} is missing or the status or
     *     the error code is unknown
     */
    public static TwilioStatusCallback parse(Map<String, String> params) {
        String sid = first(params, "MessageSid", "SmsSid");
        if (sid.isEmpty()) {
            throw new IllegalArgumentException("a Twilio status callback without MessageSid");
        }
        String statusName = first(params, "MessageStatus", "SmsStatus");
        TwilioMessageStatus status = TwilioMessageStatus.find(statusName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "a Twilio status callback with an unknown MessageStatus '" + statusName + "'"));
        String code = params.getOrDefault("ErrorCode", "").strip();
        OptionalInt errorCode;
        try {
            errorCode = code.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Twilio status callback with an ErrorCode that is not a number: "
                    + code, e);
        }
        return new TwilioStatusCallback(sid, status, errorCode, params.getOrDefault("message_id", ""),
                params.getOrDefault("To", ""));
    }

    /** Whether the error code condemns the phone number (see {@link TwilioErrorCodes#contactProblem(int)}). */
    public boolean contactInvalid() {
        return errorCode.isPresent() && TwilioErrorCodes.contactProblem(errorCode.getAsInt()).isPresent();
    }

    private static String first(Map<String, String> params, String name, String legacyName) {
        String value = params.getOrDefault(name, "").strip();
        return value.isEmpty() ? params.getOrDefault(legacyName, "").strip() : value;
    }
}
