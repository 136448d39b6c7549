package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void shouldPutParagraphsOnTheirOwnLinesAndLinksAsLabelAndUrl() {
        String html = "<h1>Hi {{first_name}},</h1><p>Your   cart is\n waiting.<br>Still there.</p>"
                + "<p><a href=\"{{url}}\">Back to cart</a></p>";

        assertThat(PlainText.fromHtml(html))
                .isEqualTo("Hi {{first_name}},\n\nYour cart is waiting.\nStill there.\n\nBack to cart: {{url}}");
    }

    @Test
    void shouldWriteListItemsAndTableRowsOnTheirOwnLines() {
        String html = "<ul><li>Shoes</li><li>Hat</li></ul><table><tr><td>Total</td><td>2</td></tr></table>";

        assertThat(PlainText.fromHtml(html)).isEqualTo("- Shoes\n- Hat\n\nTotal 2");
    }

    @Test
    void shouldWriteALinkWhoseLabelIsItsUrlOnce() {
        assertThat(PlainText.fromHtml("<p>See <a href=\"https://shop.example/\">https://shop.example/</a></p>"))
                .isEqualTo("See https://shop.example/");
        assertThat(PlainText.fromHtml("<p>See <a href=\"https://shop.example/\"></a></p>"))
                .isEqualTo("See https://shop.example/");
    }

    @Test
    void shouldFindHtmlTagsButNotComparisons() {
        assertThat(PlainText.firstTag("Hi <b>there</b>")).hasValue("<b>");
        assertThat(PlainText.firstTag("Line<br/>break")).hasValue("<br/>");
        assertThat(PlainText.firstTag("<a href=\"x\">x</a>")).hasValue("<a href=\"x\">");
        assertThat(PlainText.firstTag("2 < 3 and 4 > 1")).isEmpty();
    }
}
