package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

    final HtmlCleaner cleaner = new HtmlCleaner(Set.of("img.shop.example"));

    @Test
    void shouldKeepBasicFormattingLinksAndPlaceholders() {
        String html = "<h1>Hi {{first_name}}</h1><p>Your <strong>cart</strong> is <em>waiting</em>.<br>"
                + "<a href=\"{{url}}\">Back to cart</a></p><ul><li>One</li></ul>";

        HtmlCleaner.Cleaned cleaned = cleaner.clean(html);

        assertThat(cleaned.html()).isEqualTo(html);
        assertThat(cleaned.notes()).isEmpty();
    }

    @Test
    void shouldKeepPlaceholdersInsideLinks() {
        HtmlCleaner.Cleaned cleaned = cleaner.clean(
                "<a href=\"https://shop.example/p?id={{product_id}}&amp;s=1\">See</a> <a href=\"{{url}}/x\">X</a>");

        assertThat(cleaned.html()).isEqualTo(
                "<a href=\"https://shop.example/p?id={{product_id}}&amp;s=1\">See</a> <a href=\"{{url}}/x\">X</a>");
    }

    @Test
    void shouldRemoveScriptsFormsFramesAndHandlersWithNotes() {
        String html = "<p onclick=\"steal()\">Hello</p><script>alert(1)</script><form action=\"https://x.example\">"
                + "<input name=\"card\"><button>Pay</button></form><iframe src=\"https://x.example\"></iframe>"
                + "<object data=\"x\"></object><embed src=\"x\">";

        HtmlCleaner.Cleaned cleaned = cleaner.clean(html);

        assertThat(cleaned.html()).isEqualTo("<p>Hello</p>");
        assertThat(cleaned.notes()).contains("removed <script>", "removed <form>", "removed <input>",
                "removed <button>", "removed <iframe>", "removed <object>", "removed <embed>",
                "removed onclick attribute");
    }

    @Test
    void shouldRemoveImagesFromOtherHostsAndKeepAllowedOnes() {
        String html = "<p><img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"https://img.shop.example/a.png\" alt=\"Shoes\" width=\"200\">"
                + "<img src=\"https://eu.img.shop.example/b.png\" alt=\"Hat\">"
                + "<img src=\"http://img.shop.example/c.png\"><img src=\"{{image_url}}\" alt=\"Item\"></p>";

        HtmlCleaner.Cleaned cleaned = cleaner.clean(html);

        assertThat(cleaned.html())
                .isEqualTo("<p><img src=\"https://img.shop.example/a.png\" alt=\"Shoes\" width=\"200\">"
                        + "<img src=\"https://eu.img.shop.example/b.png\" alt=\"Hat\"><img src=\"{{image_url}}\" alt=\"Item\"></p>");
        assertThat(cleaned.notes()).containsExactly("removed image from tracker.example",
                "removed image from img.shop.example (not https)");
    }

    @Test
    void shouldRemoveJavascriptAndRelativeLinksButKeepTheirText() {
        HtmlCleaner.Cleaned cleaned = cleaner.clean(
                "<p><a href=\" javascript:alert(1)\">Win</a> and <a href=\"/cart\">cart</a></p>");

        assertThat(cleaned.html()).isEqualTo("<p>Win and cart</p>");
        assertThat(cleaned.notes()).containsExactly("removed javascript: link",
                "removed link \"/cart\" (only full http and https links are kept)");
    }

    @Test
    void shouldReturnTheBodyOfAWholeDocumentAndDropStylesAndUnknownTags() {
        HtmlCleaner.Cleaned cleaned = cleaner.clean("<!doctype html><html><head><style>p{color:red}</style>"
                + "<meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"https://x.example/a.css\"></head>"
                + "<body><p class=\"x\" style=\"color:red\"><font color=\"red\">Hi</font></p></body></html>");

        assertThat(cleaned.html()).isEqualTo("<p>Hi</p>");
        assertThat(cleaned.notes()).containsExactly("removed <style>", "removed <meta>", "removed <link>",
                "removed class attribute", "removed style attribute", "removed <font> (its text kept)");
    }

    @Test
    void shouldKeepSimpleTables() {
        String html = "<table width=\"100%\"><tbody><tr><td colspan=\"2\">Total</td></tr></tbody></table>";

        assertThat(cleaner.clean(html).html()).isEqualTo(html);
    }
}
