package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.herald.core.content.MessageContent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void shouldFindPlaceholderNamesInOrder() {
        assertThat(Placeholders.names("Hi {{first_name}}, see {{url}} and {{first_name}}"))
                .containsExactly("first_name", "url");
        assertThat(Placeholders.names("no {placeholders} here {{}")).isEmpty();
    }

    @Test
    void shouldFillKnownPlaceholdersAndLeaveUnknownOnes() {
        String filled = Placeholders.fill("Hi {{first_name}}, {{coupon}} costs $1", Map.of("first_name", "A$1\\"));

        assertThat(filled).isEqualTo("Hi A$1\\, {{coupon}} costs $1");
    }

    @Test
    void shouldFillEveryFieldOfADraft() {
        MessageContent filled = Placeholders.fill(new MessageContent.Push("{{a}}", "x {{a}}", "{{url}}"),
                Map.of("a", "Anna", "url", "https://shop.example/"));

        assertThat(filled).isEqualTo(new MessageContent.Push("Anna", "x Anna", "https://shop.example/"));
    }

    @Test
    void shouldComplainAboutPlaceholdersTheFactsDoNotGive() {
        MessageContent.Sms draft = new MessageContent.Sms("Hi {{first_name}}, use {{coupon}} or {{ first_name }}");

        assertThat(Placeholders.check(draft, Set.of("first_name", "url")))
                .extracting(Complaint::field, Complaint::rule)
                .containsExactly(tuple("text", "unknown_placeholder"),
                        tuple("text", "unknown_placeholder"));
        assertThat(Placeholders.check(draft, Set.of("first_name", "url")).get(0).message())
                .isEqualTo("text uses {{coupon}}, which is not given; use only {{first_name}}, {{url}}");
        assertThat(Placeholders.check(new MessageContent.Sms("{{x}}"), Set.of()).get(0).message())
                .endsWith("use no placeholders");
    }

    @Test
    void shouldAcceptKnownPlaceholders() {
        assertThat(Placeholders.check(new MessageContent.Sms("Hi {{first_name}}"), Set.of("first_name"))).isEmpty();
    }

    @Test
    void shouldTellWhetherALinkStartsWithAPlaceholder() {
        assertThat(Placeholders.startsWithPlaceholder(" {{url}}?utm=sms")).isTrue();
        assertThat(Placeholders.startsWithPlaceholder("https://evil.example/{{url}}")).isFalse();
    }
}
