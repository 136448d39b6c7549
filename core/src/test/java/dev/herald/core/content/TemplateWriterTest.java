package dev.herald.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.UserFacts;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.MessageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateWriterTest {

    static final Product SHOES = new Product("p1", "Blue shoes", new BigDecimal("80.00"), "EUR", "", "", "", "");
    final TemplateWriter writer = new TemplateWriter("Shop", "https://shop.example/");

    static OutgoingMessage message(String trigger, Channel channel, String locale, Subject subject, MessageKind kind) {
        return new OutgoingMessage("m_1", "u1", trigger, kind, channel, "", "default", locale, "Anna", UserFacts.NONE,
                subject,
                new ContentBrief("goal", "", "", List.of()), Instant.parse("2024-03-04T10:00:00Z"));
    }

    @Test
    void shouldNameTheCartItemAndLinkToTheCartInEnglish() {
        MessageContent content = writer.content(message("abandoned_cart", Channel.EMAIL, "en",
                Subject.of(List.of(new LineItem(SHOES, 1))), MessageKind.MARKETING));

        assertThat(content).isInstanceOfSatisfying(MessageContent.Email.class, email -> {
            assertThat(email.subject()).isEqualTo("You left Blue shoes in your cart");
            assertThat(email.text()).startsWith("Hi Anna,").contains("https://shop.example/cart");
            assertThat(email.html()).contains("<a href=\"https://shop.example/cart\">Return to your cart</a>");
        });
    }

    @Test
    void shouldWriteRussianForARussianLocale() {
        MessageContent content = writer.content(message("abandoned_cart", Channel.PUSH, "ru-RU",
                Subject.of(List.of(new LineItem(SHOES, 1))), MessageKind.MARKETING));

        assertThat(content.headline()).isEqualTo("Вы оставили в корзине: Blue shoes");
    }

    @Test
    void shouldStateTheOldAndNewPriceFromTheEventOnly() {
        Subject drop = new Subject(List.of(new LineItem(SHOES, 1)), "", new BigDecimal("100"), "", "");

        MessageContent content = writer.content(message("price_drop", Channel.PUSH, "en", drop, MessageKind.MARKETING));

        assertThat(((MessageContent.Push) content).body())
                .isEqualTo("Good news: Blue shoes is now 80.00 EUR (was 100 EUR).");
    }

    @Test
    void shouldAddOptOutWordingToMarketingSmsOnly() {
        Subject order = new Subject(List.of(), "o-7", null, "DHL", "https://track.example/7");

        MessageContent marketing = writer.content(message("abandoned_cart", Channel.SMS, "en",
                Subject.of(List.of(new LineItem(SHOES, 1))), MessageKind.MARKETING));
        MessageContent shipping = writer.content(message("order_shipped", Channel.SMS, "en", order,
                MessageKind.TRANSACTIONAL));

        assertThat(marketing.headline()).endsWith("Reply STOP to opt out.");
        assertThat(shipping.headline()).isEqualTo("Shop: Your order o-7 has shipped (DHL). https://track.example/7");
    }

    @Test
    void shouldFitARussianMarketingSmsIntoOneSegmentByShorteningTheItemName() {
        Product kettle = new Product("p2", "Электрический чайник с подсветкой и защитой от перегрева", null, "", "",
                "", "https://shop.example/p/2", "");

        MessageContent sms = writer.content(message("browse_abandonment", Channel.SMS, "ru",
                Subject.of(List.of(new LineItem(kettle, 1))), MessageKind.MARKETING));

        SmsSegments segments = SmsSegments.of(sms.headline());
        assertThat(segments.encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(segments.segments()).isEqualTo(1);
        assertThat(sms.headline()).startsWith("Shop: Всё ещё думаете о Элект").contains("…")
                .endsWith("https://shop.example/p/2 Отписка: STOP");
    }

    @Test
    void shouldAllowMoreSegmentsWhenConfigured() {
        Product kettle = new Product("p2", "Электрический чайник с подсветкой", null, "", "", "", "", "");

        MessageContent sms = new TemplateWriter("Shop", "https://shop.example", 2).content(message(
                "abandoned_cart", Channel.SMS, "ru", Subject.of(List.of(new LineItem(kettle, 1))),
                MessageKind.MARKETING));

        assertThat(sms.headline()).contains("Электрический чайник с подсветкой всё ещё в вашей корзине");
        assertThat(SmsSegments.of(sms.headline()).segments()).isEqualTo(2);
    }
}
