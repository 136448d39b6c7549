package dev.herald.delivery.email;

import dev.herald.core.content.MessageContent;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Date;
import java.util.Locale;

/**
 * Builds the MIME message for one email: From (with the display name), To, a UTF-8 Subject, the Date, the fixed
 * Message-ID, {@code X-Herald-Message-Id}, the one-click unsubscribe headers for marketing, and a
 * {@code multipart/alternative} body with the plain-text part first and the HTML part second, both UTF-8.
 */
final class EmailComposer {

    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final String UTF_8 = "UTF-8";

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    EmailComposer(Session session, SmtpSettings settings) {
        this.session = session;
        this.from = from(settings);
        this.messageIdDomain = settings.messageIdDomain();
    }

    /** The Message-ID header value for the delivery: {@code <messageId@domain>}. */
    String messageIdHeader(Delivery delivery) {
        return MessageIds.header(delivery.messageId(), messageIdDomain);
    }

    /** The message, saved (headers final), ready to be signed or sent. */
    MimeMessage compose(Delivery delivery, MessageContent.Email email, InternetAddress to)
            throws MessagingException, Unsendable {
        MimeMessage message = new HeraldMimeMessage(session, messageIdHeader(delivery));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(oneLine(email.subject()), UTF_8);
        message.setSentDate(new Date());
        message.setHeader(MessageIds.HERALD_HEADER, MessageIds.heraldHeaderValue(delivery.messageId()));
        if (delivery.kind() == MessageKind.MARKETING && !delivery.unsubscribeUrl().isBlank()) {
            URI unsubscribe = unsubscribeUri(delivery.unsubscribeUrl().strip());
            message.setHeader(LIST_UNSUBSCRIBE, "<" + unsubscribe.toASCIIString() + ">");
            // RFC 8058: one-click unsubscribing is defined for HTTPS URIs only.
            if ("https".equals(unsubscribe.getScheme().toLowerCase(Locale.ROOT))) {
                message.setHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
            }
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static URI unsubscribeUri(String url) throws Unsendable {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Unsendable("the unsubscribe URL is not a URL: " + url + " (" + e.getMessage() + ")", false);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new Unsendable("the unsubscribe URL must be an absolute https (or http) URL: " + url, false);
        }
        return uri;
    }

    /** The subject on one line: a header must not carry line breaks or other control characters. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static InternetAddress from(SmtpSettings settings) {
        try {
            InternetAddress address = new InternetAddress(settings.fromAddress(), true);
            if (!settings.fromName().isEmpty()) {
                address.setPersonal(settings.fromName(), UTF_8);
            }
            return address;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("the from address was checked by SmtpSettings: " + e.getMessage(), e);
        }
    }
}
