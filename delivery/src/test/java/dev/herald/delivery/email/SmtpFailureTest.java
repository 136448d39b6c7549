package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the deliverer answers when the SMTP server says no, says later, or cannot be reached. */
class SmtpFailureTest {

    private ScriptedSmtpServer server;
    private EmailDeliverer deliverer;

    @BeforeEach
    void start() {
        server = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (deliverer != null) {
            deliverer.close();
        }
        server.close();
    }

    private SmtpSettings settings() {
        return SmtpSettings.defaults("127.0.0.1", SmtpSettings.Security.NONE, "news@shop.example")
                .withPort(server.port()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static Delivery delivery(String address) {
        return new Delivery("msg-0001", "u-17", Channel.EMAIL, MessageKind.TRANSACTIONAL, address,
                EmailDelivererTest.EMAIL, "");
    }

    private DeliveryResult send(SmtpSettings settings) {
        deliverer = new EmailDeliverer(settings);
        return deliverer.deliver(delivery("anna@example.org"));
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                // greylisting and other temporary refusals of the recipient
                Arguments.of("RCPT", "450 4.2.0 <anna@example.org>: Recipient address rejected: Greylisted", "retry"),
                Arguments.of("RCPT", "451 4.3.0 Temporary lookup failure", "retry"),
                Arguments.of("RCPT", "452 4.5.3 Too many recipients", "retry"),
                // the recipient does not exist
                Arguments.of("RCPT", "550 5.1.1 <anna@example.org>: Recipient address rejected: User unknown",
                        "invalid"),
                Arguments.of("RCPT", "550 No such user here", "invalid"),
                Arguments.of("RCPT", "551 User not local", "invalid"),
                Arguments.of("RCPT", "553 5.1.3 Bad recipient address syntax", "invalid"),
                Arguments.of("RCPT", "550 5.2.1 Mailbox disabled", "invalid"),
                // refused for reasons that are not the address's
                Arguments.of("RCPT", "554 5.7.1 <anna@example.org>: Relay access denied", "rejected"),
                Arguments.of("RCPT", "550 5.7.1 Client host blocked by a DNS blocklist", "rejected"),
                Arguments.of("RCPT", "552 5.2.2 Mailbox full", "rejected"),
                // the sender
                Arguments.of("MAIL", "553 5.1.8 <news@shop.example>: Sender address rejected: Domain not found",
                        "rejected"),
                Arguments.of("MAIL", "421 4.7.0 Too many connections, try later", "retry"),
                // the message itself, after the data
                Arguments.of("END", "552 5.3.4 Message size exceeds fixed limit", "rejected"),
                Arguments.of("END", "554 5.7.1 Message rejected as spam", "rejected"),
                Arguments.of("END", "451 4.3.0 Local error in processing", "retry"),
                Arguments.of("END", "550 5.1.1 User unknown", "invalid"),
                Arguments.of("DATA", "554 5.5.1 No valid recipients", "rejected"),
                // the greeting
                Arguments.of("GREETING", "421 4.3.2 Service not available", "retry"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("replies")
    void repliesAreSorted(String verb, String reply, String expected) {
        server.reply(verb, reply);

        DeliveryResult result = send(settings());

        String code = reply.substring(0, 3);
        switch (expected) {
            case "retry" -> assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class, retry -> {
                assertThat(retry.reason()).contains(code);
                assertThat(retry.after()).isEqualTo(Duration.ZERO);
            });
            case "invalid" -> assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                    rejected -> {
                        assertThat(rejected.contactInvalid()).isTrue();
                        assertThat(rejected.reason()).contains(reply);
                    });
            case "rejected" -> assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                    rejected -> {
                        assertThat(rejected.contactInvalid()).isFalse();
                        assertThat(rejected.reason()).contains(reply);
                    });
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @Test
    void refusedCredentialsAreRejectedWithAClearReason() {
        server.reply("AUTH", "535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6");

        DeliveryResult result = send(settings().withCredentials("herald", "wrong"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.contactInvalid()).isFalse();
            assertThat(rejected.reason()).contains("credentials", "herald", "username and password", "535");
        });
        assertThat(server.count("MAIL")).isZero();
    }

    @Test
    void aTemporaryAuthenticationFailureIsRetried() {
        server.reply("AUTH", "454 4.7.0 Temporary authentication failure");

        DeliveryResult result = send(settings().withCredentials("herald", "secret"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryResult result = send(settings().withPort(closedPort));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("could not connect", "127.0.0.1:" + closedPort));
    }

    @Test
    void aSilentServerTimesOutAndIsRetried() {
        server.reply("GREETING", "");
        long start = System.nanoTime();

        DeliveryResult result = send(settings().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFailedTlsHandshakeIsRetried() {
        DeliveryResult result = send(settings().withSecurity(SmtpSettings.Security.TLS));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("TLS"));
    }

    @Test
    void aServerWithoutStarttlsIsNotUsedInPlainText() {
        DeliveryResult result = send(settings().withSecurity(SmtpSettings.Security.STARTTLS));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("STARTTLS"));
        assertThat(server.count("MAIL")).isZero();
    }

    @Test
    void aMalformedAddressIsAnInvalidContactAndNothingIsSent() {
        deliverer = new EmailDeliverer(settings());

        for (String address : new String[] {"anna", "anna@", "@example.org", "anna@@example.org",
                "Anna <anna@example.org>", "an na@example.org", "anna@exa mple.org", ""}) {
            assertThat(deliverer.deliver(delivery(address))).as(address)
                    .isInstanceOfSatisfying(DeliveryResult.Rejected.class,
                            rejected -> assertThat(rejected.contactInvalid()).isTrue());
        }
        assertThat(server.connections()).isZero();
    }

    @Test
    void aNonAsciiLocalPartIsRefusedWithoutBlamingTheContact() {
        deliverer = new EmailDeliverer(settings());

        DeliveryResult result = deliverer.deliver(delivery("анна@example.org"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.contactInvalid()).isFalse();
            assertThat(rejected.reason()).contains("SMTPUTF8");
        });
    }

    @Test
    void contentForAnotherChannelIsRejected() {
        deliverer = new EmailDeliverer(settings());

        DeliveryResult result = deliverer.deliver(new Delivery("msg-0001", "u-17", Channel.EMAIL,
                MessageKind.TRANSACTIONAL, "anna@example.org", new MessageContent.Sms("Hi"), ""));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.contactInvalid()).isFalse();
            assertThat(rejected.reason()).contains("SMS");
        });
        assertThat(server.connections()).isZero();
    }
}
