package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.MessageContent;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailCleanerTest {

    final EmailCleaner cleaner = new EmailCleaner(new HtmlCleaner(Set.of()));

    static MessageContent.Email email(String html, String text) {
        return new MessageContent.Email("Subject", "Preview", html, text, "Back to cart", "{{url}}");
    }

    @Test
    void shouldDeriveABlankPlainTextPartFromTheCleanedHtml() {
        EmailCleaner.Cleaned cleaned = cleaner.clean(email(
                "<p>Hi {{first_name}}</p><script>x()</script><p><a href=\"{{url}}\">Back to cart</a></p>", " "));

        assertThat(cleaned.email().html())
                .isEqualTo("<p>Hi {{first_name}}</p><p><a href=\"{{url}}\">Back to cart</a></p>");
        assertThat(cleaned.email().text()).isEqualTo("Hi {{first_name}}\n\nBack to cart: {{url}}");
        assertThat(cleaned.notes()).containsExactly("removed <script>", "plain-text part derived from the HTML");
        assertThat(cleaned.complaints()).isEmpty();
    }

    @Test
    void shouldAppendTheLinkToAPlainTextPartThatLacksIt() {
        EmailCleaner.Cleaned cleaned = cleaner.clean(email("<p>Hi</p>", "Hi {{first_name}}\n"));

        assertThat(cleaned.email().text()).isEqualTo("Hi {{first_name}}\n\nBack to cart: {{url}}");
        assertThat(cleaned.notes()).containsExactly("added \"Back to cart: {{url}}\" to the plain-text part");
    }

    @Test
    void shouldKeepAPlainTextPartThatHasTheLink() {
        EmailCleaner.Cleaned cleaned = cleaner.clean(email("<p>Hi</p>", "Hi. Cart: {{url}}"));

        assertThat(cleaned.email().text()).isEqualTo("Hi. Cart: {{url}}");
        assertThat(cleaned.notes()).isEmpty();
    }

    @Test
    void shouldComplainAboutHtmlInThePlainTextPart() {
        EmailCleaner.Cleaned cleaned = cleaner.clean(email("<p>Hi</p>", "<p>Hi</p> {{url}}"));

        assertThat(cleaned.complaints()).singleElement().satisfies(complaint -> {
            assertThat(complaint.field()).isEqualTo("text");
            assertThat(complaint.rule()).isEqualTo("html_in_text");
            assertThat(complaint.message()).contains("<p>");
        });
    }
}
