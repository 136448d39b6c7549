package dev.herald.delivery.email;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends email over SMTP with Jakarta Mail (Angus Mail).
 *
 * <p>Each message is a {@code multipart/alternative} with the plain-text part first and the HTML part second (both
 * UTF-8), a UTF-8 Subject, From with the configured display name, {@code Message-ID: <messageId@domain>} and
 * {@code X-Herald-Message-Id: messageId}, so that bounces and replies lead back to the message. Marketing with an
 * unsubscribe URL also gets {@code List-Unsubscribe: <url>} and, for an https URL,
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058). With {@link SmtpSettings#dkim()} set the
 * message is DKIM-signed (rsa-sha256, relaxed/relaxed) over From, To, Subject, Date, Message-ID, MIME-Version,
 * Content-Type, the unsubscribe headers and {@code X-Herald-Message-Id}, among others.
 *
 * <p>One mail session serves all messages. Connections are kept open and reused: up to four wait idle, each is
 * checked with a NOOP before reuse, closed after any failure and retired after 50 messages (see {@link #close()}).
 * The answer is {@link DeliveryResult.Accepted} with the Message-ID header value ({@code <messageId@domain>}).
 * Failures:
 * <ul>
 * <li>a recipient refused with 5xx because of its address (550, 551, 553, or an enhanced status 5.1.x or 5.2.1), or
 * an address that does not parse: {@link DeliveryResult.Rejected} with {@code contactInvalid};
 * <li>other 5xx replies (552 too big, 554 or 5.7.x policy, a refused sender) and refused credentials (535):
 * {@link DeliveryResult.Rejected} without blaming the contact, as are content for another channel and an unusable
 * unsubscribe URL;
 * <li>4xx replies (greylisting 450/451/452, 421, 454) and refused connections, time-outs and TLS failures:
 * {@link DeliveryResult.Retry} with no wait of its own.
 * </ul>
 * Never throws for a message; thread-safe.
 */
public final class EmailDeliverer implements Deliverer, AutoCloseable {

    private final SmtpConnections connections;
    private final EmailComposer composer;
    private final Optional<DkimSigning> dkim;
    private final SmtpFailures failures;

    /**
     * A deliverer for the settings. Nothing is sent or connected yet; the DKIM key, if any, is read now.
     *
     * @throws IllegalArgumentException when the DKIM key file cannot be read or used (the message names the file)
     */
    public EmailDeliverer(SmtpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.dkim = settings.dkim().map(DkimSigning::load);
        this.connections = new SmtpConnections(settings);
        this.composer = new EmailComposer(connections.session(), settings);
        this.failures = new SmtpFailures(settings.host() + ":" + settings.port(), settings.username());
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return switch (delivery.content()) {
            case MessageContent.Email email -> deliverEmail(delivery, email);
            case MessageContent.Sms sms -> notEmail("an SMS");
            case MessageContent.Push push -> notEmail("a push notification");
            case MessageContent.InApp inApp -> notEmail("an in-app message");
        };
    }

    /** Closes the idle SMTP connections. Messages sent afterwards open connections again and close them. */
    @Override
    public void close() {
        connections.close();
    }

    private DeliveryResult deliverEmail(Delivery delivery, MessageContent.Email email) {
        InternetAddress recipient;
        MimeMessage message;
        try {
            recipient = Recipients.parse(delivery.address());
            message = composer.compose(delivery, email, recipient);
            if (dkim.isPresent()) {
                message = dkim.get().sign(connections.session(), message);
            }
        } catch (Unsendable e) {
            return e.rejected();
        } catch (MessagingException | RuntimeException e) {
            return new DeliveryResult.Rejected("the email could not be built: " + e, false);
        }
        try {
            connections.send(message, new Address[] {recipient});
            return new DeliveryResult.Accepted(composer.messageIdHeader(delivery));
        } catch (MessagingException e) {
            return failures.classify(e);
        } catch (RuntimeException e) {
            return new DeliveryResult.Retry("sending the email failed unexpectedly: " + e, Duration.ZERO);
        }
    }

    private static DeliveryResult notEmail(String what) {
        return new DeliveryResult.Rejected("the email deliverer was given " + what + ", not an email", false);
    }
}
