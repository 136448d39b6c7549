package dev.herald.writer.check;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from cleaned HTML, and a test for HTML tags in text that should be plain.
 *
 * <p>The text reads like a plain-text email: each paragraph, heading, quote, list and table on its own lines with
 * a blank line between, list items as "- item", table rows on their own line, and links as "label: url" (just the
 * url when the label is the url itself). Images are left out.
 */
final class PlainText {

    /** Something that looks like an opening, closing or self-closing HTML tag. */
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(?:\\s[^<>]*)?/?>");

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "blockquote", "ul", "ol", "table");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "br");

    private PlainText() {}

    /** The first thing in the text that looks like an HTML tag, if any. */
    static Optional<String> firstTag(String text) {
        Matcher matcher = TAG.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** Readable plain text from an HTML body fragment. */
    static String fromHtml(String html) {
        StringBuilder out = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    appendWords(out, text.text());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (PARAGRAPHS.contains(tag)) {
                        out.append("\n\n");
                    } else if (tag.equals("br")) {
                        out.append('\n');
                    } else if (LINES.contains(tag)) {
                        lineBreak(out);
                    }
                    if (tag.equals("li")) {
                        out.append("- ");
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return;
                }
                String tag = element.normalName();
                if (tag.equals("a") && !element.attr("href").isBlank()) {
                    String href = element.attr("href").strip();
                    String label = element.text().strip();
                    if (label.isEmpty()) {
                        appendWords(out, href);
                    } else if (!label.equals(href)) {
                        out.append(": ").append(href);
                    }
                } else if (PARAGRAPHS.contains(tag)) {
                    out.append("\n\n");
                } else if (LINES.contains(tag) && !tag.equals("br")) {
                    lineBreak(out);
                }
            }
        });
        return tidy(out.toString());
    }

    /** Ends the line unless it has just ended. */
    private static void lineBreak(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Appends text, collapsing white space and dropping it at the start of a line. */
    private static void appendWords(StringBuilder out, String words) {
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
            if (!space) {
                out.append(c);
            } else if (!lineStart && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
    }

    /** Trims every line, keeps at most one blank line in a row, and trims the whole. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                newlines++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(newlines >= 2 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            newlines = 1;
        }
        return out.toString();
    }
}
