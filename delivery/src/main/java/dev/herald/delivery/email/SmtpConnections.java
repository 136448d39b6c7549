package dev.herald.delivery.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail session and a small pool of open SMTP connections, reused between messages.
 *
 * <p>A connection is taken from the pool (checked with a NOOP first; a dead one is closed and the next tried) or
 * opened, used for one message, and put back when the message went through; after any failure it is closed, so a
 * connection in an unknown state is never reused. At most {@value #MAX_IDLE} connections wait in the pool, and one
 * is closed after {@value #MAX_MESSAGES_PER_CONNECTION} messages, below the limits servers commonly set. Thread-safe:
 * each connection serves one thread at a time.
 */
final class SmtpConnections implements AutoCloseable {

    static final int MAX_IDLE = 4;
    static final int MAX_MESSAGES_PER_CONNECTION = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

    private final SmtpSettings settings;
    private final Session session;
    private final BlockingDeque<Pooled> idle = new LinkedBlockingDeque<>(MAX_IDLE);
    private volatile boolean closed;

    /** An open connection and how many messages it has carried. */
    private record Pooled(Transport transport, int sent) {}

    SmtpConnections(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /** The session messages are made in. */
    Session session() {
        return session;
    }

    /** Sends the message to the recipients over one connection; any failure is thrown as it came. */
    void send(MimeMessage message, Address[] recipients) throws MessagingException {
        Pooled connection = take();
        boolean sent = false;
        try {
            connection.transport().sendMessage(message, recipients);
            sent = true;
        } finally {
            if (sent) {
                release(new Pooled(connection.transport(), connection.sent() + 1));
            } else {
                closeQuietly(connection.transport());
            }
        }
    }

    /** Closes the idle connections; connections in use are closed when their message is done. */
    @Override
    public void close() {
        closed = true;
        Pooled connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection.transport());
        }
    }

    private Pooled take() throws MessagingException {
        Pooled connection;
        while ((connection = idle.pollFirst()) != null) {
            if (connection.transport().isConnected()) {
                return connection;
            }
            closeQuietly(connection.transport());
        }
        Transport transport = session.getTransport("smtp");
        try {
            if (settings.authenticates()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        return new Pooled(transport, 0);
    }

    private void release(Pooled connection) {
        if (closed || connection.sent() >= MAX_MESSAGES_PER_CONNECTION || !idle.offerFirst(connection)) {
            closeQuietly(connection.transport());
            return;
        }
        if (closed && idle.remove(connection)) {
            // close() ran while the connection was being put back.
            closeQuietly(connection.transport());
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing an SMTP connection failed: {}", e.toString());
        }
    }

    /** Jakarta Mail's properties for the settings. */
    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.from", settings.fromAddress());
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        switch (settings.security()) {
            case NONE -> {
            }
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return properties;
    }
}
