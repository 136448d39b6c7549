package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM-signed email through GreenMail, its signature verified against the public key by {@link DkimVerifier},
 * which recomputes the RFC 6376 relaxed/relaxed hashes on its own.
 */
class DkimSigningTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static KeyPair keys;

    @TempDir
    static Path dir;

    static Path pem;

    @BeforeAll
    static void writeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        pem = dir.resolve("dkim.pem");
        Files.writeString(pem, pkcs8Pem(keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    }

    static String pkcs8Pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static byte[] send(MessageKind kind) throws Exception {
        SmtpSettings settings = EmailDelivererTest.settings(SERVER.getSmtp().getPort())
                .withDkim(new DkimSettings("shop.example", "herald", pem));
        try (EmailDeliverer deliverer = new EmailDeliverer(settings)) {
            DeliveryResult result = deliverer.deliver(new Delivery("msg-0001", "u-17", Channel.EMAIL, kind,
                    "anna@example.org", EmailDelivererTest.EMAIL, EmailDelivererTest.UNSUBSCRIBE));
            assertThat(result).isEqualTo(new DeliveryResult.Accepted("<msg-0001@shop.example>"));
        }
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertThat(received).hasSize(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        received[0].writeTo(bytes);
        return bytes.toByteArray();
    }

    @Test
    void marketingEmailIsSignedAndTheSignatureVerifies() throws Exception {
        byte[] bytes = send(MessageKind.MARKETING);

        Map<String, String> tags = DkimVerifier.verify(bytes, keys.getPublic());

        assertThat(tags).containsEntry("d", "shop.example").containsEntry("s", "herald")
                .containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/relaxed");
        List<String> signed = Arrays.stream(tags.get("h").split(":")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        assertThat(signed).contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                "list-unsubscribe", "list-unsubscribe-post", "x-herald-message-id");
        MimeMessage message = EmailDelivererTest.parse(bytes);
        assertThat(message.getMessageID()).isEqualTo("<msg-0001@shop.example>");
        assertThat(message.getSubject()).isEqualTo(EmailDelivererTest.SUBJECT);
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void transactionalEmailIsSignedToo() throws Exception {
        byte[] bytes = send(MessageKind.TRANSACTIONAL);

        Map<String, String> tags = DkimVerifier.verify(bytes, keys.getPublic());

        assertThat(tags.get("h").toLowerCase(Locale.ROOT)).contains("from", "message-id")
                .doesNotContain("list-unsubscribe");
    }

    @Test
    void theVerifierCatchesAChangedHeaderOrBody() throws Exception {
        String message = new String(send(MessageKind.MARKETING), StandardCharsets.ISO_8859_1);
        assertThat(message).contains("To: anna@example.org\r\n");

        String otherRecipient = message.replace("To: anna@example.org\r\n", "To: boris@example.org\r\n");
        assertThatThrownBy(() -> DkimVerifier.verify(otherRecipient.getBytes(StandardCharsets.ISO_8859_1),
                keys.getPublic())).isInstanceOf(AssertionError.class).hasMessageContaining("does not verify");

        String longerBody = message + "P.S. one more line\r\n";
        assertThatThrownBy(() -> DkimVerifier.verify(longerBody.getBytes(StandardCharsets.ISO_8859_1),
                keys.getPublic())).isInstanceOf(AssertionError.class).hasMessageContaining("body hash");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertThatThrownBy(() -> DkimVerifier.verify(message.getBytes(StandardCharsets.ISO_8859_1),
                generator.generateKeyPair().getPublic())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void relaxedCanonicalisationFollowsRfc6376Examples() {
        // RFC 6376 3.4.5: the example message's header and body in relaxed form.
        assertThat(DkimVerifier.relaxedHeader("A", " X")).isEqualTo("a:X");
        assertThat(DkimVerifier.relaxedHeader("B ", " Y\t\r\n\tZ  ")).isEqualTo("b:Y Z");
        assertThat(DkimVerifier.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C\r\nD E\r\n");
    }
}
