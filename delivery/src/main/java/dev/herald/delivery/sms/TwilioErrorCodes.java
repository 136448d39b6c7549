package dev.herald.delivery.sms;

import java.util.Map;
import java.util.Optional;

/**
 * The Twilio error codes that condemn the phone number rather than the message, so that it is marked invalid and the
 * next channel is tried. The API answers the first five when a message is created; status callbacks carry them and
 * the 300xx codes in {@code ErrorCode}. See {@code https://www.twilio.com/docs/api/errors}.
 */
public final class TwilioErrorCodes {

    /** Invalid 'To' phone number. */
    public static final int INVALID_TO = 21211;

    /** Permission to send an SMS has not been enabled for the region of the 'To' number. */
    public static final int REGION_NOT_ENABLED = 21408;

    /** Attempt to send to an unsubscribed recipient: the person replied STOP. */
    public static final int UNSUBSCRIBED = 21610;

    /** The 'To' number is not currently reachable via SMS. */
    public static final int UNREACHABLE = 21612;

    /** The 'To' number is not a mobile number. */
    public static final int NOT_MOBILE = 21614;

    /** Unknown destination handset (status callbacks). */
    public static final int UNKNOWN_HANDSET = 30005;

    /** Landline or unreachable carrier (status callbacks). */
    public static final int LANDLINE_OR_UNREACHABLE_CARRIER = 30006;

    private static final Map<Integer, String> CONTACT_PROBLEMS = Map.of(
            INVALID_TO, "the 'To' number is not a valid phone number",
            NOT_MOBILE, "the 'To' number is not a mobile number and cannot receive SMS",
            UNREACHABLE, "the 'To' number cannot be reached by SMS from this sender",
            REGION_NOT_ENABLED, "the 'To' number is in a region this account may not send SMS to (unreachable)",
            UNSUBSCRIBED, "the recipient opted out by replying STOP (or a similar keyword) and receives nothing from"
                    + " this sender until they reply START",
            UNKNOWN_HANDSET, "the carrier does not know the 'To' number",
            LANDLINE_OR_UNREACHABLE_CARRIER, "the 'To' number is a landline or its carrier cannot be reached");

    private TwilioErrorCodes() {}

    /** What is wrong with the phone number, when the code says the number itself is at fault. */
    public static Optional<String> contactProblem(int code) {
        return Optional.ofNullable(CONTACT_PROBLEMS.get(code));
    }
}
