package dev.herald.delivery.email;

import dev.herald.delivery.DeliveryResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sorts what went wrong while talking to the SMTP server into a {@link DeliveryResult}.
 *
 * <ul>
 * <li>4xx replies (greylisting, a full queue, 421) and failures to connect, time-outs and TLS failures:
 * {@link DeliveryResult.Retry}.
 * <li>5xx replies that blame the recipient's address: {@link DeliveryResult.Rejected} with
 * {@code contactInvalid}. With an enhanced status code (RFC 3463) the code decides: 5.1.x (addressing, except
 * 5.1.7 and 5.1.8, the sender's) and 5.2.1 (mailbox disabled); so {@code 550 5.7.1 Relaying denied} does not blame
 * the contact. Without one, 550, 551, 553 and 501 to RCPT TO blame it.
 * <li>Other 5xx replies (552 too big, 554 policy, a refused sender): {@link DeliveryResult.Rejected} without
 * blaming the contact.
 * <li>Failed authentication (535): {@link DeliveryResult.Rejected} without blaming the contact; 454 (temporary)
 * is retried.
 * </ul>
 */
final class SmtpFailures {

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");
    private static final Pattern ENHANCED_CODE =
            Pattern.compile("^\\s*[2-5]\\d\\d[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    /** Which SMTP command the reply answered. */
    private enum Stage {
        RECIPIENT("the recipient"),
        SENDER("the sender"),
        MESSAGE("the message");

        private final String what;

        Stage(String what) {
            this.what = what;
        }
    }

    private final String server;
    private final String username;

    /**
     * @param server the server as shown in reasons, {@code host:port}
     * @param username the user authenticating, or {@code ""}
     */
    SmtpFailures(String server, String username) {
        this.server = server;
        this.username = username;
    }

    DeliveryResult classify(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                return reply(Stage.RECIPIENT, refused.getReturnCode(), refused.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSenderFailedException refused) {
                return reply(Stage.SENDER, refused.getReturnCode(), refused.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSendFailedException refused) {
                return reply(Stage.MESSAGE, refused.getReturnCode(), refused.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException refused) {
                return authentication(refused);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new DeliveryResult.Rejected(
                        "the SMTP server " + server + " refused the recipient: " + text(refused.getMessage()), true);
            }
        }
        for (Throwable t : chain) {
            Optional<String> connection = connectionProblem(t);
            if (connection.isPresent()) {
                return retry(connection.get() + ": " + text(t.getMessage()));
            }
        }
        return retry("sending through the SMTP server " + server + " failed: " + text(failure.getMessage()));
    }

    private DeliveryResult reply(Stage stage, int code, String message) {
        String reply = text(message);
        if (code >= 400 && code < 500) {
            return retry("the SMTP server " + server + " deferred " + stage.what + " (temporary failure): " + reply);
        }
        if (code >= 500 && code < 600) {
            return new DeliveryResult.Rejected("the SMTP server " + server + " refused " + stage.what + ": " + reply,
                    blamesRecipient(stage, code, reply));
        }
        return retry("the SMTP server " + server + " answered " + stage.what + " unexpectedly: " + reply);
    }

    private DeliveryResult authentication(AuthenticationFailedException failure) {
        String reply = text(failure.getMessage());
        Matcher code = REPLY_CODE.matcher(reply);
        if (code.find() && code.group(1).startsWith("4")) {
            return retry("the SMTP server " + server + " could not authenticate for now: " + reply);
        }
        return new DeliveryResult.Rejected("the SMTP server " + server + " refused the credentials of user "
                + (username.isEmpty() ? "(none)" : username) + "; check smtp username and password: " + reply,
                false);
    }

    private Optional<String> connectionProblem(Throwable t) {
        if (t instanceof MailConnectException) {
            return Optional.of("could not connect to the SMTP server " + server);
        }
        if (t instanceof UnknownHostException) {
            return Optional.of("the SMTP server's host is unknown: " + server);
        }
        if (t instanceof SSLException) {
            return Optional.of("TLS with the SMTP server " + server + " failed");
        }
        if (t instanceof SocketTimeoutException) {
            return Optional.of("the SMTP server " + server + " did not answer in time");
        }
        if (t instanceof IOException) {
            return Optional.of("the connection to the SMTP server " + server + " failed");
        }
        return Optional.empty();
    }

    private static boolean blamesRecipient(Stage stage, int code, String reply) {
        if (stage == Stage.SENDER) {
            return false;
        }
        Matcher enhanced = ENHANCED_CODE.matcher(reply);
        if (enhanced.find()) {
            int subject = Integer.parseInt(enhanced.group(2));
            int detail = Integer.parseInt(enhanced.group(3));
            return enhanced.group(1).equals("5")
                    && (subject == 1 && detail != 7 && detail != 8 || subject == 2 && detail == 1);
        }
        return stage == Stage.RECIPIENT && (code == 550 || code == 551 || code == 553 || code == 501);
    }

    private static DeliveryResult.Retry retry(String reason) {
        return new DeliveryResult.Retry(reason, Duration.ZERO);
    }

    /** The server's reply or the exception's message on one line. */
    private static String text(String message) {
        return message == null || message.isBlank() ? "(no details)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The failure, the exceptions chained to it (next exceptions and causes), each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 50) {
            Throwable t = pending.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t instanceof MessagingException m) {
                pending.add(m.getNextException());
            }
            pending.add(t.getCause());
        }
        return chain;
    }
}
