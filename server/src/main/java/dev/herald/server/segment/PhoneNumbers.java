package dev.herald.server.segment;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Brings phone numbers to E.164 ({@code +14155550123}) with libphonenumber. A number with a {@code +} is read as
 * international; one without is read in the default region, when there is one. A number that does not parse, or
 * whose length is impossible for its country, is returned as it was, so that the core marks it invalid.
 */
final class PhoneNumbers {

    /** libphonenumber's region code for "no region: the number must start with +". */
    private static final String UNKNOWN_REGION = "ZZ";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion a CLDR region code such as {@code US} or {@code DE}, or null for none */
    PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    String normalize(String raw) {
        String value = raw.trim();
        String region = value.startsWith("+") ? UNKNOWN_REGION : defaultRegion;
        if (value.isEmpty() || region == null) {
            return raw;
        }
        try {
            PhoneNumber number = util.parse(value, region);
            return util.isPossibleNumber(number) ? util.format(number, PhoneNumberFormat.E164) : raw;
        } catch (NumberParseException e) {
            return raw;
        }
    }
}
