package dev.herald.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose Message-ID is the one given, not one made up by Jakarta Mail when it is saved. */
final class HeraldMimeMessage extends MimeMessage {

    private final String messageIdHeader;

    HeraldMimeMessage(Session session, String messageIdHeader) {
        super(session);
        this.messageIdHeader = messageIdHeader;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageIdHeader);
    }
}
