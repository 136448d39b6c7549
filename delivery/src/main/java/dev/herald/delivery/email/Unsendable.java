package dev.herald.delivery.email;

import dev.herald.delivery.DeliveryResult;

/** Why a message cannot be sent at all, found before the SMTP server is asked; it becomes a rejection. */
final class Unsendable extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean contactInvalid;

    Unsendable(String reason, boolean contactInvalid) {
        super(reason, null, false, false);
        this.contactInvalid = contactInvalid;
    }

    DeliveryResult.Rejected rejected() {
        return new DeliveryResult.Rejected(getMessage(), contactInvalid);
    }
}
