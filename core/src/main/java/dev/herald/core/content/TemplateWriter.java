package dev.herald.core.content;

import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Subject;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.trigger.MessageKind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Deterministic messages from templates, in English and Russian (the user's locale picks; anything else gets
 * English). Every fact in the text comes from the message's subject: item names, prices, the order id, the
 * tracking link. Marketing SMS end with opt-out wording. The LLM writer falls back to this one.
 *
 * <p>Thread-safe.
 */
public final class TemplateWriter implements ContentWriter {

    /** One language's wording of one trigger: subject line, body sentence and call to action. */
    private record Wording(String title, String body, String action) {}

    /** One language's fixed words. */
    private record Language(
            String greetingWithName, String greeting, String yourItems, String optOut, String was,
            Map<String, Wording> triggers, Wording other) {}

    private static final Language ENGLISH = new Language("Hi %s,", "Hi there,", "your items",
            "Reply STOP to opt out.", "was", Map.of(
                    "abandoned_cart", new Wording("You left %s in your cart",
                            "%s is still in your cart. It's saved for you whenever you're ready.",
                            "Return to your cart"),
                    "browse_abandonment", new Wording("Still thinking about %s?",
                            "You looked at %s a few times. Here it is again, in case you'd like another look.",
                            "Take another look"),
                    "inactivity", new Wording("It's been a while",
                            "We haven't seen you for a week. Here's what you looked at last: %s.",
                            "See what's new"),
                    "price_drop", new Wording("%s now costs less",
                            "Good news: %s is now %s (%s %s).", "See the new price"),
                    "order_shipped", new Wording("Your order %s is on its way",
                            "Your order %s has shipped%s.", "Track your order")),
            new Wording("%s", "We have something for you: %s.", "Take a look"));

    private static final Language RUSSIAN = new Language("Здравствуйте, %s!", "Здравствуйте!", "ваши товары",
            "Отписка: STOP", "было", Map.of(
                    "abandoned_cart", new Wording("Вы оставили в корзине: %s",
                            "%s всё ещё в вашей корзине и ждёт вас.", "Вернуться в корзину"),
                    "browse_abandonment", new Wording("Всё ещё думаете о %s?",
                            "Вы несколько раз смотрели %s. Вот он снова, если захотите взглянуть ещё раз.",
                            "Посмотреть ещё раз"),
                    "inactivity", new Wording("Давно не виделись",
                            "Вас не было неделю. Вот что вы смотрели в последний раз: %s.", "Посмотреть новинки"),
                    "price_drop", new Wording("%s подешевел",
                            "Хорошая новость: %s теперь стоит %s (%s %s).", "Посмотреть новую цену"),
                    "order_shipped", new Wording("Ваш заказ %s отправлен",
                            "Ваш заказ %s уже в пути%s.", "Отследить заказ")),
            new Wording("%s", "У нас есть кое-что для вас: %s.", "Посмотреть"));

    /** The most SMS segments by default: one for marketing, three for transactional messages. */
    public static final int MARKETING_SMS_SEGMENTS = 1;

    public static final int TRANSACTIONAL_SMS_SEGMENTS = 3;

    private final String shopName;
    private final String shopUrl;
    private final int marketingSmsSegments;

    /**
     * @param shopName the shop's name, used to sign SMS and push
     * @param shopUrl the shop's base URL, for cart and product links when the event gives none
     * @param marketingSmsSegments the most segments a marketing SMS may take; item names are shortened to fit
     */
    public TemplateWriter(String shopName, String shopUrl, int marketingSmsSegments) {
        this.shopName = Objects.requireNonNull(shopName, "shopName");
        this.shopUrl = Objects.requireNonNull(shopUrl, "shopUrl").replaceAll("/+$", "");
        if (marketingSmsSegments < 1) {
            throw new IllegalArgumentException(
                    "marketing SMS segments must be at least 1, got " + marketingSmsSegments);
        }
        this.marketingSmsSegments = marketingSmsSegments;
    }

    /** A writer whose marketing SMS fit one segment. */
    public TemplateWriter(String shopName, String shopUrl) {
        this(shopName, shopUrl, MARKETING_SMS_SEGMENTS);
    }

    @Override
    public Written write(OutgoingMessage message) {
        return new Written(content(message), Written.Source.TEMPLATE, "");
    }

    /** The template's content for the message. */
    public MessageContent content(OutgoingMessage message) {
        Language language = message.locale().toLowerCase(Locale.ROOT).startsWith("ru") ? RUSSIAN : ENGLISH;
        Wording wording = language.triggers().getOrDefault(message.triggerId(), language.other());
        Subject subject = message.subject();
        String items = itemNames(subject, language);
        String title = title(wording, message, subject, items);
        String body = body(wording, message, subject, items, language);
        String url = link(message, subject);
        String greeting = message.firstName().isEmpty() ? language.greeting()
                : String.format(language.greetingWithName(), message.firstName());
        return switch (message.channel()) {
            case EMAIL -> new MessageContent.Email(title, body, html(greeting, body, wording.action(), url),
                    greeting + "\n\n" + body + "\n\n" + wording.action() + ": " + url + "\n", wording.action(), url);
            case SMS -> new MessageContent.Sms(sms(message, wording, subject, items, body, url, language));
            case PUSH -> new MessageContent.Push(title, body, url);
            case IN_APP, WEBHOOK -> new MessageContent.InApp(title, body + "\n\n[" + wording.action() + "](" + url
                    + ")", wording.action(), url);
        };
    }

    /**
     * The SMS text within its segment limit: the body sentence, else the shorter title, else the title with the
     * item names cut short. Facts are never cut, only names; a link too long for any text is sent as it is.
     */
    private String sms(OutgoingMessage message, Wording wording, Subject subject, String items, String body,
            String url, Language language) {
        boolean marketing = message.kind() == MessageKind.MARKETING;
        int limit = marketing ? marketingSmsSegments : TRANSACTIONAL_SMS_SEGMENTS;
        String tail = " " + url + (marketing ? " " + language.optOut() : "");
        String full = shopName + ": " + body + tail;
        if (SmsSegments.of(full).segments() <= limit) {
            return full;
        }
        String shorter = shopName + ": " + title(wording, message, subject, items) + tail;
        for (int keep = items.length() - 1; keep > 0 && SmsSegments.of(shorter).segments() > limit; keep--) {
            shorter = shopName + ": " + title(wording, message, subject, items.substring(0, keep).strip() + "…")
                    + tail;
        }
        return shorter;
    }

    private static String title(Wording wording, OutgoingMessage message, Subject subject, String items) {
        return switch (message.triggerId()) {
            case "order_shipped" -> String.format(wording.title(), subject.orderId());
            case "inactivity" -> wording.title();
            default -> String.format(wording.title(), items);
        };
    }

    private static String body(Wording wording, OutgoingMessage message, Subject subject, String items,
            Language language) {
        return switch (message.triggerId()) {
            case "order_shipped" -> String.format(wording.body(), subject.orderId(),
                    subject.carrier().isEmpty() ? "" : " (" + subject.carrier() + ")");
            case "price_drop" -> {
                BigDecimal now = subject.items().isEmpty() ? null : subject.items().get(0).product().price();
                yield now == null || subject.previousPrice() == null
                        ? String.format(language.other().body(), items)
                        : String.format(wording.body(), items, money(now, subject), language.was(),
                                money(subject.previousPrice(), subject));
            }
            default -> String.format(wording.body(), capitalized(items));
        };
    }

    /** The message's main link: the cart, the product, the order's tracking page, or the shop. */
    public String linkFor(OutgoingMessage message) {
        return link(message, message.subject());
    }

    private String link(OutgoingMessage message, Subject subject) {
        return switch (message.triggerId()) {
            case "abandoned_cart" -> shopUrl + "/cart";
            case "order_shipped" -> subject.trackingUrl().isEmpty() ? shopUrl + "/orders/" + subject.orderId()
                    : subject.trackingUrl();
            default -> subject.items().isEmpty() ? shopUrl : productUrl(subject.items().get(0).product());
        };
    }

    private String productUrl(Product product) {
        return product.url().isEmpty() ? shopUrl + "/products/" + product.id() : product.url();
    }

    /** "Blue shoes", "Blue shoes and Red hat", "Blue shoes and 2 more"; product ids stand in for missing names. */
    private static String itemNames(Subject subject, Language language) {
        if (subject.items().isEmpty()) {
            return language.yourItems();
        }
        String first = nameOf(subject.items().get(0));
        int others = subject.items().size() - 1;
        boolean russian = language == RUSSIAN;
        if (others == 0) {
            return first;
        }
        if (others == 1) {
            return first + (russian ? " и " : " and ") + nameOf(subject.items().get(1));
        }
        return first + (russian ? " и ещё " + others : " and " + others + " more");
    }

    private static String nameOf(LineItem item) {
        Product product = item.product();
        return product.name().isEmpty() ? "item " + product.id() : product.name();
    }

    private static String money(BigDecimal amount, Subject subject) {
        String currency = subject.items().isEmpty() ? "" : subject.items().get(0).product().currency();
        String value = amount.toPlainString();
        return currency.isEmpty() ? value : value + " " + currency;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String html(String greeting, String body, String action, String url) {
        return "<!doctype html><html><body><p>" + escape(greeting) + "</p><p>" + escape(body) + "</p><p><a href=\""
                + escape(url) + "\">" + escape(action) + "</a></p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
