package dev.herald.writer;

import dev.herald.core.content.MessageContent;
import dev.herald.core.decision.Subject;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a checked draft into one user's message: fills the placeholders with this message's values and, for email,
 * puts the body into the shop's layout with a block listing the items (names, prices and images straight from the
 * event, so they are right by construction).
 */
final class Filler {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final int LISTED_ITEMS = 5;

    private final String shopName;
    private final Set<String> imageHosts;

    Filler(String shopName, Set<String> imageHosts) {
        this.shopName = shopName;
        this.imageHosts = imageHosts;
    }

    MessageContent fill(MessageContent draft, Map<String, String> values, Subject subject, String language) {
        return switch (draft) {
            case MessageContent.Email email -> {
                String subjectLine = plain(email.subject(), values);
                String url = plain(email.url(), values);
                String action = plain(email.callToAction(), values);
                String preheader = plain(email.preheader(), values);
                yield new MessageContent.Email(subjectLine, preheader,
                        layout(subjectLine, preheader, html(email.html(), values), action, url, subject, language),
                        plain(email.text(), values) + itemLines(subject), action, url);
            }
            case MessageContent.Sms sms -> new MessageContent.Sms(plain(sms.text(), values));
            case MessageContent.Push push -> new MessageContent.Push(plain(push.title(), values),
                    plain(push.body(), values), plain(push.deepLink(), values));
            case MessageContent.InApp inApp -> new MessageContent.InApp(plain(inApp.title(), values),
                    plain(inApp.markdown(), values), plain(inApp.callToAction(), values), plain(inApp.url(), values));
        };
    }

    /** The text with its placeholders filled; an unknown placeholder is left as it is (the check rejected it). */
    static String plain(String text, Map<String, String> values) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String html(String fragment, Map<String, String> values) {
        if (fragment.indexOf("{{") < 0) {
            return fragment;
        }
        Matcher matcher = PLACEHOLDER.matcher(fragment);
        StringBuilder out = new StringBuilder(fragment.length() + 32);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : escape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String layout(String title, String preheader, String body, String action, String url, Subject subject,
            String language) {
        StringBuilder out = new StringBuilder(body.length() + 1024);
        out.append("<!doctype html><html lang=\"").append(escape(language)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title></head>")
                .append("<body style=\"margin:0;padding:24px;font-family:Arial,sans-serif;line-height:1.5;")
                .append("color:#222\"><div style=\"display:none;max-height:0;overflow:hidden\">")
                .append(escape(preheader)).append("</div><div style=\"max-width:560px;margin:0 auto\">")
                .append(body);
        int listed = 0;
        for (LineItem item : subject.items()) {
            if (listed++ == LISTED_ITEMS) {
                break;
            }
            Product product = item.product();
            out.append("<table role=\"presentation\" style=\"margin:12px 0\"><tr>");
            if (!product.imageUrl().isEmpty() && imageAllowed(product.imageUrl())) {
                out.append("<td><img src=\"").append(escape(product.imageUrl())).append("\" alt=\"")
                        .append(escape(product.name())).append("\" width=\"96\" style=\"display:block\"></td>");
            }
            out.append("<td style=\"padding-left:12px\">").append(escape(nameOf(product)));
            if (item.quantity() > 1) {
                out.append(" × ").append(item.quantity());
            }
            if (product.price() != null) {
                out.append("<br><strong>").append(escape(price(product))).append("</strong>");
            }
            out.append("</td></tr></table>");
        }
        out.append("<p style=\"margin:24px 0\"><a href=\"").append(escape(url))
                .append("\" style=\"background:#222;color:#fff;padding:12px 20px;text-decoration:none;")
                .append("border-radius:4px\">").append(escape(action)).append("</a></p><p style=\"color:#888;")
                .append("font-size:12px\">").append(escape(shopName)).append("</p></div></body></html>");
        return out.toString();
    }

    private static String itemLines(Subject subject) {
        if (subject.items().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n");
        int listed = 0;
        for (LineItem item : subject.items()) {
            if (listed++ == LISTED_ITEMS) {
                break;
            }
            Product product = item.product();
            out.append("\n- ").append(nameOf(product));
            if (item.quantity() > 1) {
                out.append(" × ").append(item.quantity());
            }
            if (product.price() != null) {
                out.append(": ").append(price(product));
            }
        }
        return out.append('\n').toString();
    }

    private boolean imageAllowed(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && imageHosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String nameOf(Product product) {
        return product.name().isEmpty() ? "#" + product.id() : product.name();
    }

    private static String price(Product product) {
        return product.price().toPlainString() + (product.currency().isEmpty() ? "" : " " + product.currency());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
