package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.trigger.MessageKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmsCheckTest {

    final SmsCheck sms = new SmsCheck(new CheckRules(Set.of("shop.example"), Set.of(), 1, 3));

    @Test
    void shouldFailARussianMarketingSmsOverSeventyCharacters() {
        String text = "Анна, ваша корзина ждёт вас! Загляните: https://shop.example/c Отписка: STOP";

        assertThat(text.length()).isGreaterThan(70);
        assertThat(sms.segments(text, MessageKind.MARKETING)).hasValueSatisfying(complaint -> {
            assertThat(complaint.rule()).isEqualTo("too_many_segments");
            assertThat(complaint.message()).startsWith("text takes 2 UCS-2 segments (Cyrillic), " + text.length()
                    + " characters").contains("at most 1 segment allowed: write at most 70 characters");
        });
        assertThat(sms.segments(text, MessageKind.TRANSACTIONAL)).isEmpty();
    }

    @Test
    void shouldAcceptSeventyCyrillicCharacters() {
        assertThat(sms.segments("я".repeat(70), MessageKind.MARKETING)).isEmpty();
    }

    @Test
    void shouldCountGsmExtensionCharactersAsTwo() {
        String fits = "Price 10€ ".repeat(14) + "€".repeat(3);

        assertThat(fits.length()).isEqualTo(143);
        assertThat(sms.segments(fits, MessageKind.MARKETING)).as("143 characters, 160 septets").isEmpty();
        assertThat(sms.segments(fits + "{", MessageKind.MARKETING)).hasValueSatisfying(complaint -> assertThat(
                complaint.message()).startsWith("text takes 2 GSM-7 segments, 162 characters (each of ^ { }")
                .contains("write at most 160 characters, cut at least 2"));
    }

    @Test
    void shouldSayWhichCharacterForcesUcs2() {
        String text = "Façade " + "a".repeat(70);

        assertThat(sms.segments(text, MessageKind.MARKETING)).hasValueSatisfying(complaint -> assertThat(
                complaint.message()).contains("UCS-2 segments (because of \"ç\")"));
    }

    @Test
    void shouldAllowMoreSegmentsForTransactionalMessages() {
        assertThat(sms.segments("a".repeat(459), MessageKind.TRANSACTIONAL)).isEmpty();
        assertThat(sms.segments("a".repeat(460), MessageKind.TRANSACTIONAL)).hasValueSatisfying(complaint -> assertThat(
                complaint.message()).contains("at most 3 segments allowed: write at most 459 characters"));
    }

    @Test
    void shouldRequireOptOutWordingInMarketingSmsOnly() {
        assertThat(sms.optOut("Your cart is waiting", MessageKind.MARKETING)).hasValueSatisfying(
                complaint -> assertThat(complaint.rule()).isEqualTo("no_opt_out"));
        assertThat(sms.optOut("Your cart is waiting", MessageKind.TRANSACTIONAL)).isEmpty();
        assertThat(sms.optOut("Cart waiting. Reply stop to opt out", MessageKind.MARKETING)).isEmpty();
        assertThat(sms.optOut("Корзина ждёт. Отписаться: ответьте СТОП", MessageKind.MARKETING)).isEmpty();
        assertThat(sms.optOut("Корзина ждёт. Отписка по ссылке", MessageKind.MARKETING)).isEmpty();
    }

    @Test
    void shouldNotCountOptOutWordingInsideAPlaceholder() {
        assertThat(sms.optOut("Hi {{stop_name}}", MessageKind.MARKETING)).isPresent();
    }
}
