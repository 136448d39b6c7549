package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.herald.core.content.MessageContent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCheckTest {

    static final Map<String, String> VALUES = Map.of("url", "https://track.carrier.example/1", "product_id", "42",
            "host", "evil.example");
    static final String INSTEAD = "link only to https URLs on shop.example (or a subdomain), or use {{url}}";
    final LinkCheck links = new LinkCheck(new CheckRules(Set.of("shop.example"), Set.of("cdn.example"), 1, 3));

    List<Complaint> sms(String text) {
        return links.check(new MessageContent.Sms(text), VALUES);
    }

    @Test
    void shouldAcceptLinksOnTheShopsDomainsAndPlaceholders() {
        assertThat(sms("See https://shop.example/cart, or https://m.shop.example/x. Or {{url}}")).isEmpty();
        assertThat(links.check(new MessageContent.Push("t", "b", "{{url}}?utm_source=push"), VALUES)).isEmpty();
        assertThat(sms("https://shop.example/p/{{product_id}}")).isEmpty();
    }

    @Test
    void shouldFailALinkToAnotherDomainNamingItAndTheAllowedOnes() {
        assertThat(sms("Cheaper at https://evil.example/deal!")).singleElement().satisfies(complaint -> {
            assertThat(complaint.rule()).isEqualTo("foreign_link");
            assertThat(complaint.message()).isEqualTo("text links to evil.example; link only to https URLs on"
                    + " shop.example (or a subdomain), or use {{url}}");
        });
        assertThat(sms("www.evil.example")).extracting(Complaint::rule).containsExactly("foreign_link");
    }

    @Test
    void shouldReadTheHostAfterFillingInPlaceholdersInsideALink() {
        assertThat(sms("https://{{host}}/x")).extracting(Complaint::message)
                .containsExactly("text links to evil.example; link only to https URLs on shop.example"
                        + " (or a subdomain), or use {{url}}");
    }

    @Test
    void shouldCheckTheUrlAndDeepLinkFields() {
        assertThat(links.check(new MessageContent.Push("t", "b", "myapp://cart"), VALUES))
                .extracting(Complaint::field, Complaint::rule).containsExactly(tuple("deepLink", "foreign_link"));
        assertThat(links.check(new MessageContent.InApp("t", "m", "c", "/cart"), VALUES))
                .extracting(Complaint::field, Complaint::rule).containsExactly(tuple("url", "foreign_link"));
    }

    @Test
    void shouldCheckMarkdownLinksAndImages() {
        MessageContent.InApp inApp = new MessageContent.InApp("t", "[Cart]({{url}}) [Deal](https://evil.example/x)"
                + " ![Pic](https://cdn.example/a.png) [Run](javascript:alert(1))", "Go", "{{url}}");

        assertThat(links.check(inApp, VALUES)).extracting(Complaint::rule, Complaint::message).containsExactly(
                tuple("foreign_link", "markdown links to evil.example; link only to https URLs on shop.example"
                        + " (or a subdomain), or use {{url}}"),
                tuple("unsafe_link", "markdown has a javascript: link; link only to https URLs on shop.example"
                        + " (or a subdomain), or use {{url}}"));
    }

    @Test
    void shouldCheckHtmlLinksImagesAndBareUrls() {
        MessageContent.Email email = new MessageContent.Email("s", "p", "<p><a href=\"https://evil.example/\">x</a>"
                + "<img src=\"https://cdn.example/a.png\"> see https://other.example</p>", "t {{url}}", "c",
                "{{url}}");

        assertThat(links.check(email, VALUES)).extracting(Complaint::message).containsExactly(
                "html links to evil.example; " + INSTEAD, "html links to other.example; " + INSTEAD);
    }

    @Test
    void shouldFailDataLinks() {
        assertThat(links.check(new MessageContent.InApp("t", "m", "c", "data:text/html,<script>"), VALUES))
                .extracting(Complaint::rule).containsExactly("unsafe_link");
    }
}
