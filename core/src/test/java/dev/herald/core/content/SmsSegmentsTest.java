package dev.herald.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

/** Known GSM-7 and UCS-2 cases, including Cyrillic, the extension table and emoji. */
class SmsSegmentsTest {

    @Test
    void shouldFitOneHundredSixtyGsmCharactersInOneSegment() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments(Encoding.GSM_7, 306, 2));
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments(Encoding.GSM_7, 307, 3));
    }

    @Test
    void shouldCountExtensionCharactersAsTwoSeptets() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 162, 2));
        assertThat(SmsSegments.of("Price: 10€ {was 12€} [sale] ~ ^ | \\").encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void shouldNeverSplitAnEscapeFromItsCharacter() {
        String text = "a".repeat(152) + "€" + "a".repeat(10);

        SmsSegments segments = SmsSegments.of(text);

        assertThat(segments.units()).isEqualTo(164);
        assertThat(segments.segments()).as("the euro sign moves whole to the second segment").isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void shouldAcceptTheWholeGsmAlphabetIncludingItsAccentedLetters() {
        assertThat(SmsSegments.isGsm7("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà"))
                .isTrue();
        assertThat(SmsSegments.isGsm7("ç")).as("only capital Ç is in the alphabet").isFalse();
        assertThat(SmsSegments.isGsm7("á")).isFalse();
    }

    @Test
    void shouldMakeCyrillicUcs2WithSeventyCharactersInOneSegment() {
        assertThat(SmsSegments.of("Привет".repeat(11) + "Прив")).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.of("я".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.of("я".repeat(134))).isEqualTo(new SmsSegments(Encoding.UCS_2, 134, 2));
        assertThat(SmsSegments.of("я".repeat(135))).isEqualTo(new SmsSegments(Encoding.UCS_2, 135, 3));
    }

    @Test
    void shouldMakeTheWholeTextUcs2ForOneCharacterOutsideTheAlphabet() {
        SmsSegments segments = SmsSegments.of("a".repeat(100) + "ж");

        assertThat(segments).isEqualTo(new SmsSegments(Encoding.UCS_2, 101, 2));
    }

    @Test
    void shouldCountAnEmojiAsTwoUnitsAndNeverSplitIt() {
        assertThat(SmsSegments.of("😀").units()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(66) + "😀" + "a".repeat(10)).segments())
                .as("the emoji moves whole to the second segment").isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(66) + "😀" + "a".repeat(66)).segments()).isEqualTo(3);
    }

    @Test
    void shouldTakeNoSegmentForAnEmptyText() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 0, 0));
    }
}
