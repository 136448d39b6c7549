package dev.herald.delivery.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;

/** Turns a contact's email address into the recipient of a message, or says why it cannot be one. */
final class Recipients {

    private Recipients() {}

    /**
     * The address, checked strictly (RFC 822 syntax, one bare address without a display name) and with an
     * internationalised domain turned into its ASCII (punycode) form. A malformed address is an invalid contact; a
     * non-ASCII local part is refused without blaming the contact, since it needs SMTPUTF8, which is not supported.
     */
    static InternetAddress parse(String address) throws Unsendable {
        String trimmed = address.strip();
        if (trimmed.isEmpty()) {
            throw new Unsendable("the email address is empty", true);
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new Unsendable("not an email address (it needs a local part, @ and a domain): " + trimmed, true);
        }
        String local = trimmed.substring(0, at);
        if (!local.chars().allMatch(c -> c < 0x80)) {
            throw new Unsendable("the email address " + trimmed + " has a non-ASCII local part, which needs"
                    + " SMTPUTF8 (not supported)", false);
        }
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new Unsendable("the email address " + trimmed + " has an invalid domain (" + e.getMessage() + ")",
                    true);
        }
        try {
            InternetAddress parsed = new InternetAddress(local + "@" + domain, true);
            if (parsed.getPersonal() != null || parsed.isGroup()) {
                throw new Unsendable("not a bare email address: " + trimmed, true);
            }
            return parsed;
        } catch (AddressException e) {
            throw new Unsendable("not an email address: " + trimmed + " (" + e.getMessage() + ")", true);
        }
    }
}
