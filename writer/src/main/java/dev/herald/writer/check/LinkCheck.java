package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Every link in a draft must be a placeholder or an http(s) URL on one of the shop's link domains (or a subdomain
 * of one); images in email may also come from the image hosts.
 *
 * <p>Links are the email's {@code href}s and {@code img src}s, Markdown links and images, bare {@code http(s)://}
 * and {@code www.} URLs in any text, and the url and deep-link fields. A link that starts with a placeholder is the
 * placeholder's trusted value with a suffix and passes; in any other link the placeholders are filled in before its
 * host is read. Complaints: {@code foreign_link} (another host, or not a full http(s) URL) and {@code unsafe_link}
 * ({@code javascript:}, {@code data:}, {@code vbscript:}).
 */
final class LinkCheck {

    /** A bare URL in text; trailing punctuation is trimmed off after. */
    static final Pattern BARE_URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");
    /** A Markdown link or image; group 1 is the label, group 2 the target. */
    static final Pattern MARKDOWN_LINK = Pattern.compile(
            "!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+[\"'][^\"']*[\"'])?\\s*\\)");
    private static final Pattern UNSAFE_SCHEME = Pattern.compile("(?i)^(javascript|data|vbscript):");
    private static final String TRAILING_PUNCTUATION = ".,;:!?";

    private final Set<String> linkDomains;
    private final Set<String> imageDomains;

    LinkCheck(CheckRules rules) {
        this.linkDomains = rules.linkDomains();
        Set<String> images = new HashSet<>(rules.linkDomains());
        images.addAll(rules.imageHosts());
        this.imageDomains = Set.copyOf(images);
    }

    /** Complaints about the links of a draft (cleaned HTML, placeholders unfilled). */
    List<Complaint> check(MessageContent draft, Map<String, String> values) {
        Set<Complaint> complaints = new LinkedHashSet<>();
        Check check = new Check(values, complaints);
        switch (draft) {
            case MessageContent.Email e -> {
                check.text("subject", e.subject());
                check.text("preheader", e.preheader());
                check.html("html", e.html());
                check.text("text", e.text());
                check.text("callToAction", e.callToAction());
                check.target("url", e.url(), linkDomains);
            }
            case MessageContent.Sms s -> check.text("text", s.text());
            case MessageContent.Push p -> {
                check.text("title", p.title());
                check.text("body", p.body());
                check.target("deepLink", p.deepLink(), linkDomains);
            }
            case MessageContent.InApp a -> {
                check.text("title", a.title());
                check.markdown("markdown", a.markdown());
                check.text("callToAction", a.callToAction());
                check.target("url", a.url(), linkDomains);
            }
        }
        return new ArrayList<>(complaints);
    }

    /** One draft's check: the placeholder values and the complaints so far. */
    private final class Check {

        private final Map<String, String> values;
        private final Set<Complaint> complaints;

        Check(Map<String, String> values, Set<Complaint> complaints) {
            this.values = values;
            this.complaints = complaints;
        }

        void text(String field, String text) {
            Matcher matcher = BARE_URL.matcher(text);
            while (matcher.find()) {
                String url = matcher.group();
                while (!url.isEmpty() && TRAILING_PUNCTUATION.indexOf(url.charAt(url.length() - 1)) >= 0) {
                    url = url.substring(0, url.length() - 1);
                }
                target(field, url, linkDomains);
            }
        }

        void markdown(String field, String markdown) {
            Matcher matcher = MARKDOWN_LINK.matcher(markdown);
            StringBuilder rest = new StringBuilder();
            while (matcher.find()) {
                boolean image = matcher.group().startsWith("!");
                target(field, matcher.group(2), image ? imageDomains : linkDomains);
                matcher.appendReplacement(rest, " ");
            }
            matcher.appendTail(rest);
            text(field, rest.toString());
        }

        void html(String field, String html) {
            Element body = Jsoup.parseBodyFragment(html).body();
            for (Element link : body.select("a[href]")) {
                target(field, link.attr("href"), linkDomains);
            }
            for (Element image : body.select("img[src]")) {
                target(field, image.attr("src"), imageDomains);
            }
            text(field, body.text());
        }

        void target(String field, String target, Set<String> domains) {
            String link = target.strip();
            if (link.isEmpty() || Placeholders.startsWithPlaceholder(link)) {
                return;
            }
            String filled = Placeholders.fill(link, values);
            Matcher unsafe = UNSAFE_SCHEME.matcher(filled.replaceAll("[\\s\\p{Cntrl}]", ""));
            if (unsafe.find()) {
                complaints.add(new Complaint(field, "unsafe_link", field + " has a "
                        + unsafe.group(1).toLowerCase(Locale.ROOT) + ": link; " + instead(domains)));
                return;
            }
            Optional<String> host = Hosts.of(filled);
            if (host.isEmpty()) {
                complaints.add(new Complaint(field, "foreign_link", field + " has the link \"" + link
                        + "\", which is not a full http or https URL; " + instead(domains)));
            } else if (!Hosts.within(host.get(), domains)) {
                complaints.add(new Complaint(field, "foreign_link", field + " links to " + host.get() + "; "
                        + instead(domains)));
            }
        }

        private String instead(Set<String> domains) {
            Set<String> links = new TreeSet<>();
            for (String name : values.keySet()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("url") || lower.contains("link")) {
                    links.add(name);
                }
            }
            return "link only to https URLs on " + String.join(", ", new TreeSet<>(domains))
                    + " (or a subdomain)" + (links.isEmpty() ? "" : ", or use " + Placeholders.list(links));
        }
    }
}
