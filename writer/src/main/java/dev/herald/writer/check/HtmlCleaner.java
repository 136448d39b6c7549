package dev.herald.writer.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Sanitises an email's HTML body with jsoup and says what it removed.
 *
 * <p>Kept: basic formatting ({@code p br strong b em i u ul ol li h1 h2 h3 blockquote span div}), simple tables,
 * links ({@code a href}, http and https only) and images ({@code img src alt width height}) whose source is https
 * on one of the image hosts or a subdomain of one, or starts with a placeholder. Removed with their content:
 * scripts, styles, forms and their controls, frames, objects, embeds, {@code link} and {@code meta}. Removed but
 * their text kept: any other tag. Removed: event handler attributes ({@code onclick}), {@code javascript:} and
 * relative links, styles and classes, and images from other hosts. The result is the body fragment, not a whole
 * document: the writer wraps it in a layout.
 *
 * <p>jsoup would drop a link such as {@code href="{{url}}"} as having no protocol, so placeholders are swapped for
 * sentinel https URLs before cleaning and swapped back after.
 *
 * <p>Thread-safe: the safelist is never changed after construction and each call makes its own cleaner.
 */
final class HtmlCleaner {

    /** The cleaned HTML body fragment, placeholders as written, and one note per kind of thing removed. */
    record Cleaned(String html, List<String> notes) {
        Cleaned {
            notes = List.copyOf(notes);
        }
    }

    /** Elements removed together with everything inside them. */
    private static final String DROPPED = "script, style, form, input, button, select, textarea, option, iframe,"
            + " frame, frameset, object, embed, applet, link, meta, base, noscript, template, svg, math";

    private static final String SENTINEL = "https://placeholder.herald.invalid/";

    private final Safelist safelist = new Safelist()
            .addTags("p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h1", "h2", "h3", "blockquote",
                    "span", "div", "a", "img", "table", "thead", "tbody", "tr", "td", "th")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("table", "width", "border", "cellpadding", "cellspacing", "align")
            .addAttributes("td", "colspan", "rowspan", "align", "width")
            .addAttributes("th", "colspan", "rowspan", "align", "width")
            .addProtocols("a", "href", "http", "https")
            .addProtocols("img", "src", "https");
    private final Set<String> imageHosts;

    /** @param imageHosts hosts images may load from (subdomains too) */
    HtmlCleaner(Set<String> imageHosts) {
        this.imageHosts = Set.copyOf(imageHosts);
    }

    /** Cleans an HTML body or document; the placeholders in it come back as written. */
    Cleaned clean(String html) {
        List<String> placeholders = new ArrayList<>();
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(html);
        StringBuilder protectedHtml = new StringBuilder(html.length());
        while (matcher.find()) {
            matcher.appendReplacement(protectedHtml, Matcher.quoteReplacement(sentinel(placeholders.size())));
            placeholders.add(matcher.group());
        }
        matcher.appendTail(protectedHtml);

        Document dirty = Jsoup.parse(protectedHtml.toString());
        Set<String> notes = new LinkedHashSet<>();
        for (Element element : dirty.select(DROPPED)) {
            notes.add("removed <" + element.normalName() + ">");
            element.remove();
        }
        for (Element image : dirty.body().select("img")) {
            imageRefusal(image.attr("src")).ifPresent(reason -> {
                notes.add(reason);
                image.remove();
            });
        }
        for (Element element : dirty.body().getAllElements()) {
            if (element != dirty.body()) {
                noteRemovals(element, notes);
            }
        }

        Document clean = new Cleaner(safelist).clean(dirty);
        clean.body().select("a:not([href])").unwrap();
        clean.outputSettings().prettyPrint(false);
        return new Cleaned(restore(clean.body().html(), placeholders),
                notes.stream().map(note -> restore(note, placeholders)).toList());
    }

    private static String restore(String text, List<String> placeholders) {
        String restored = text;
        for (int i = 0; i < placeholders.size(); i++) {
            restored = restored.replace(sentinel(i), placeholders.get(i));
        }
        return restored;
    }

    /** Why an image must go ("removed image from tracker.example"), or empty if it may stay. */
    private Optional<String> imageRefusal(String source) {
        String src = source.strip();
        if (src.startsWith(SENTINEL)) {
            return Optional.empty();
        }
        Optional<String> host = Hosts.of(src);
        if (host.isEmpty()) {
            return Optional.of(src.isEmpty() ? "removed image without a source"
                    : "removed image with a source that is not an https URL");
        }
        if (!Hosts.within(host.get(), imageHosts)) {
            return Optional.of("removed image from " + host.get());
        }
        return src.toLowerCase(Locale.ROOT).startsWith("https://") ? Optional.empty()
                : Optional.of("removed image from " + host.get() + " (not https)");
    }

    private void noteRemovals(Element element, Set<String> notes) {
        String tag = element.normalName();
        boolean safeTag = safelist.isSafeTag(tag);
        if (!safeTag) {
            notes.add("removed <" + tag + "> (its text kept)");
        }
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
            if (key.startsWith("on")) {
                notes.add("removed " + key + " attribute");
            } else if (value.startsWith("javascript:")) {
                notes.add("removed javascript: link");
            } else if (safeTag && !safelist.isSafeAttribute(tag, element, attribute)) {
                notes.add(key.equals("href") || key.equals("src")
                        ? "removed link \"" + attribute.getValue() + "\" (only full http and https links are kept)"
                        : "removed " + key + " attribute");
            }
        }
    }

    private static String sentinel(int index) {
        return SENTINEL + index + "/";
    }
}
