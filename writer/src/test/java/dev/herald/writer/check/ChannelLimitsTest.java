package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.herald.core.content.MessageContent;
import org.junit.jupiter.api.Test;

class ChannelLimitsTest {

    static MessageContent.Email email(String subject) {
        return new MessageContent.Email(subject, "Preview", "<p>Hi</p>", "Hi", "Shop now", "https://shop.example/");
    }

    @Test
    void shouldAcceptFieldsWithinTheirLimits() {
        assertThat(ChannelLimits.check(email("s".repeat(ChannelLimits.EMAIL_SUBJECT)))).isEmpty();
        assertThat(ChannelLimits.check(new MessageContent.Push("t".repeat(50), "b".repeat(150), "x"))).isEmpty();
        assertThat(ChannelLimits.check(new MessageContent.InApp("t".repeat(60), "m".repeat(1000), "c".repeat(30),
                "x"))).isEmpty();
        assertThat(ChannelLimits.check(new MessageContent.Sms("Hi"))).isEmpty();
    }

    @Test
    void shouldComplainAboutALongSubjectWithAnInstruction() {
        assertThat(ChannelLimits.check(email("s".repeat(112)))).singleElement().satisfies(complaint -> {
            assertThat(complaint.field()).isEqualTo("subject");
            assertThat(complaint.rule()).isEqualTo("too_long");
            assertThat(complaint.message()).startsWith("subject is 112 characters").endsWith("write at most 80");
        });
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        String emoji = Character.toString(0x1F600);

        assertThat(ChannelLimits.check(email(emoji.repeat(80)))).isEmpty();
        assertThat(ChannelLimits.check(email(emoji.repeat(81)))).extracting(Complaint::rule)
                .containsExactly("too_long");
    }

    @Test
    void shouldComplainAboutEmptyAndBlankFields() {
        MessageContent.Email blank = new MessageContent.Email(" ", "", "<p>x</p>", "x", "Go", "");

        assertThat(ChannelLimits.check(blank)).extracting(Complaint::field, Complaint::rule).containsExactly(
                tuple("subject", "empty"),
                tuple("preheader", "empty"),
                tuple("url", "empty"));
        assertThat(ChannelLimits.check(new MessageContent.Push("t", "b", ""))).extracting(Complaint::field)
                .containsExactly("deepLink");
        assertThat(ChannelLimits.check(new MessageContent.Sms(""))).extracting(Complaint::rule)
                .containsExactly("empty");
    }

    @Test
    void shouldApplyEachChannelsOwnLimits() {
        assertThat(ChannelLimits.check(new MessageContent.Push("t".repeat(51), "b".repeat(151), "x")))
                .extracting(Complaint::field).containsExactly("title", "body");
        assertThat(ChannelLimits.check(new MessageContent.InApp("t".repeat(61), "m".repeat(1001), "c".repeat(31),
                "x"))).extracting(Complaint::field).containsExactly("title", "markdown", "callToAction");
        assertThat(ChannelLimits.check(new MessageContent.Email("s", "p".repeat(141), "h".repeat(20_001),
                "t".repeat(10_001), "c".repeat(41), "x"))).extracting(Complaint::field)
                .containsExactly("preheader", "html", "text", "callToAction");
    }
}
