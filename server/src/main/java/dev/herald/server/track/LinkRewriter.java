package dev.herald.server.track;

import dev.herald.core.content.MessageContent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts tracking into a written message before it is stored for sending: every http(s) link becomes a signed click
 * link, and an email gets the open pixel. What the user sees is otherwise unchanged.
 */
public final class LinkRewriter {

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"");
    private static final Pattern BARE = Pattern.compile("https?://[^\\s)\\]>\"]+");
    private static final Pattern MARKDOWN = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)");

    private final TrackingLinks links;

    public LinkRewriter(TrackingLinks links) {
        this.links = links;
    }

    public MessageContent rewrite(String messageId, MessageContent content) {
        return switch (content) {
            case MessageContent.Email email -> new MessageContent.Email(email.subject(), email.preheader(),
                    pixel(messageId, replace(HREF, email.html(), messageId, true)),
                    replace(BARE, email.text(), messageId, false), email.callToAction(),
                    links.click(messageId, email.url()));
            case MessageContent.Sms sms -> new MessageContent.Sms(replace(BARE, sms.text(), messageId, false));
            case MessageContent.Push push -> new MessageContent.Push(push.title(), push.body(),
                    links.click(messageId, push.deepLink()));
            case MessageContent.InApp inApp -> new MessageContent.InApp(inApp.title(),
                    replace(MARKDOWN, inApp.markdown(), messageId, true), inApp.callToAction(),
                    links.click(messageId, inApp.url()));
        };
    }

    private String replace(Pattern pattern, String text, String messageId, boolean grouped) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String url = grouped ? matcher.group(1) : matcher.group();
            String tracked = links.click(messageId, url.replace("&amp;", "&"));
            String replacement = grouped ? matcher.group().replace(url, tracked) : tracked;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String pixel(String messageId, String html) {
        String img =
                "<img src=\"" + links.open(messageId) + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block\">";
        int body = html.lastIndexOf("</body>");
        return body < 0 ? html + img : html.substring(0, body) + img + html.substring(body);
    }
}
