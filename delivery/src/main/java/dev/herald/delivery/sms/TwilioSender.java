package dev.herald.delivery.sms;

import java.util.Objects;
import java.util.regex.Pattern;

/** Who an SMS comes from: one of the account's phone numbers, or a Messaging Service that picks one. */
public sealed interface TwilioSender {

    /**
     * A Twilio phone number (or alphanumeric sender id where the country allows it), sent as {@code From}.
     *
     * @param from an E.164 number such as {@code +15017122661}, a short code, or an alphanumeric sender id
     */
    record PhoneNumber(String from) implements TwilioSender {

        private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
        private static final Pattern SHORT_OR_ALPHANUMERIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ]{0,10}");

        public PhoneNumber {
            Objects.requireNonNull(from, "from");
            if (!E164.matcher(from).matches() && !SHORT_OR_ALPHANUMERIC.matcher(from).matches()) {
                throw new IllegalArgumentException(
                        "the sender must be an E.164 number such as +15017122661, a short code or an alphanumeric id,"
                                + " got " + from);
            }
        }
    }

    /**
     * A Messaging Service, sent as {@code MessagingServiceSid}; Twilio picks the number from its pool.
     *
     * @param sid the service's SID, {@code MG} followed by 32 hexadecimal digits
     */
    record MessagingService(String sid) implements TwilioSender {
        public MessagingService {
            Objects.requireNonNull(sid, "sid");
            if (sid.isBlank()) {
                throw new IllegalArgumentException("the Messaging Service SID is missing");
            }
        }
    }
}
