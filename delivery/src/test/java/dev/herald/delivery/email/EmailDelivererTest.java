package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email sent through a real SMTP server (GreenMail), received and read back with Jakarta Mail. */
class EmailDelivererTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String SUBJECT = "Вы забыли кроссовки в корзине — скидка ждёт";
    static final String TEXT = "Здравствуйте, Анна!\nКроссовки всё ещё в корзине: https://shop.example/cart\n";
    static final String HTML = "<p>Здравствуйте, Анна!</p><p>Кроссовки всё ещё в <a href=\"https://shop.example/cart\">"
            + "корзине</a>.</p>";
    static final MessageContent.Email EMAIL = new MessageContent.Email(SUBJECT, "Кроссовки ждут", HTML, TEXT,
            "Вернуться в корзину", "https://shop.example/cart");
    static final String UNSUBSCRIBE = "https://shop.example/unsubscribe/u-17?t=abc";

    private EmailDeliverer deliverer;

    @AfterEach
    void closeDeliverer() {
        if (deliverer != null) {
            deliverer.close();
        }
    }

    static SmtpSettings settings(int port) {
        return SmtpSettings.defaults("127.0.0.1", SmtpSettings.Security.NONE, "news@shop.example").withPort(port)
                .withFromName("Магазин «Акме»");
    }

    private static SmtpSettings settings() {
        return settings(SERVER.getSmtp().getPort());
    }

    static Delivery delivery(MessageKind kind, String unsubscribeUrl) {
        return new Delivery("msg-0001", "u-17", Channel.EMAIL, kind, "anna@example.org", EMAIL, unsubscribeUrl);
    }

    /** The one message GreenMail received, as the bytes it got. */
    static byte[] receivedBytes() throws Exception {
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertThat(received).hasSize(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        received[0].writeTo(bytes);
        return bytes.toByteArray();
    }

    static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void sendsATransactionalEmailWithBothPartsInOrderAndTheMessageId() throws Exception {
        deliverer = new EmailDeliverer(settings().withMessageIdDomain("mail.shop.example"));

        DeliveryResult result = deliverer.deliver(delivery(MessageKind.TRANSACTIONAL, UNSUBSCRIBE));

        assertThat(result).isEqualTo(new DeliveryResult.Accepted("<msg-0001@mail.shop.example>"));
        byte[] bytes = receivedBytes();
        MimeMessage message = parse(bytes);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("news@shop.example");
        assertThat(from.getPersonal()).isEqualTo("Магазин «Акме»");
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("anna@example.org");
        assertThat(message.getSubject()).isEqualTo(SUBJECT);
        assertThat(message.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(message.getHeader("From", null)).contains("=?UTF-8?");
        assertThat(message.getMessageID()).isEqualTo("<msg-0001@mail.shop.example>");
        assertThat(message.getHeader("X-Herald-Message-Id")).containsExactly("msg-0001");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(message.getHeader("DKIM-Signature")).isNull();

        assertThat(new ContentType(message.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertPart(parts.getBodyPart(0), "text/plain", TEXT);
        assertPart(parts.getBodyPart(1), "text/html", HTML);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).matches("\\p{ASCII}*");
    }

    @Test
    void marketingCarriesTheOneClickUnsubscribeHeaders() throws Exception {
        deliverer = new EmailDeliverer(settings());

        DeliveryResult result = deliverer.deliver(delivery(MessageKind.MARKETING, UNSUBSCRIBE));

        assertThat(result).isEqualTo(new DeliveryResult.Accepted("<msg-0001@shop.example>"));
        MimeMessage message = parse(receivedBytes());
        assertThat(message.getMessageID()).isEqualTo("<msg-0001@shop.example>");
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + UNSUBSCRIBE + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void marketingWithAPlainHttpLinkGetsNoOneClickPost() throws Exception {
        deliverer = new EmailDeliverer(settings());

        deliverer.deliver(delivery(MessageKind.MARKETING, "http://localhost:8080/u/17"));

        MimeMessage message = parse(receivedBytes());
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:8080/u/17>");
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void marketingWithoutAnUnsubscribeLinkHasNoUnsubscribeHeaders() throws Exception {
        deliverer = new EmailDeliverer(settings());

        deliverer.deliver(delivery(MessageKind.MARKETING, ""));

        MimeMessage message = parse(receivedBytes());
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void anUnusableUnsubscribeLinkIsRefusedBeforeSending() {
        deliverer = new EmailDeliverer(settings());

        DeliveryResult result = deliverer.deliver(delivery(MessageKind.MARKETING, "/unsubscribe/u-17"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Rejected.class, rejected -> {
            assertThat(rejected.contactInvalid()).isFalse();
            assertThat(rejected.reason()).contains("unsubscribe URL", "/unsubscribe/u-17");
        });
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInternationalisedDomainIsSentInPunycode() throws Exception {
        deliverer = new EmailDeliverer(settings());

        DeliveryResult result = deliverer.deliver(new Delivery("msg-0002", "u-18", Channel.EMAIL,
                MessageKind.TRANSACTIONAL, "anna@пример.рф", EMAIL, ""));

        assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(parse(receivedBytes()).getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("anna@xn--e1afmkfd.xn--p1ai");
    }

    private static void assertPart(BodyPart part, String type, String content) throws Exception {
        ContentType contentType = new ContentType(part.getContentType());
        assertThat(contentType.getBaseType()).isEqualTo(type);
        assertThat(contentType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(content);
    }
}
