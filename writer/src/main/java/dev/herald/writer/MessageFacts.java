package dev.herald.writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.UserFacts;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.writer.check.FactSheet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of one message, split in two: what the model sees (the {@link ContentKey}, shared by every user with
 * the same facts) and what is filled in for this user afterwards (the placeholder values). Event data is untrusted:
 * every text from it is cut to a length limit and stripped of control characters and angle brackets before the
 * model sees it.
 *
 * @param placeholders the values of the placeholders for this message, by name
 * @param texts the event texts the model saw (item name, brand, category) and the shop's name
 * @param numbers the bare numbers the model saw
 */
record MessageFacts(ContentKey key, Map<String, String> placeholders, List<String> texts, Set<String> numbers,
        boolean priceDrop) {

    /** The longest item name, brand and category the model sees. */
    static final int NAME_LIMIT = 120;

    static final int BRAND_LIMIT = 60;
    static final int CATEGORY_LIMIT = 100;

    /** What each placeholder stands for, as the prompt explains it. */
    static final Map<String, String> MEANINGS = meanings();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The facts of a message; {@code url} is its main link. */
    static MessageFacts of(OutgoingMessage message, String url, String shopName) {
        Subject subject = message.subject();
        Map<String, String> values = new LinkedHashMap<>();
        String firstName = clean(message.firstName(), 40);
        if (!firstName.isEmpty()) {
            values.put("first_name", firstName);
        }
        values.put("url", url);
        ObjectNode data = JSON.createObjectNode();
        List<String> texts = new ArrayList<>();
        texts.add(shopName);
        Set<String> numbers = new TreeSet<>();
        if (!subject.items().isEmpty()) {
            Product lead = subject.items().get(0).product();
            ObjectNode item = data.putObject("item");
            String name = clean(lead.name(), NAME_LIMIT);
            putText(item, "name", name, texts);
            putText(item, "brand", clean(lead.brand(), BRAND_LIMIT), texts);
            putText(item, "category", clean(lead.category().replace('.', ' '), CATEGORY_LIMIT), texts);
            if (item.has("name")) {
                values.put("item_name", name);
            }
            if (item.isEmpty()) {
                data.remove("item");
            }
            if (lead.price() != null) {
                values.put("price", money(lead.price(), lead.currency()));
            }
            int others = subject.items().size() - 1;
            if (others > 0) {
                data.put("other_items", others == 1 ? "1" : "2 or more");
                numbers.add("1");
                if (others > 1) {
                    values.put("other_items_count", Integer.toString(others));
                }
            }
            int quantity = subject.items().stream().mapToInt(LineItem::quantity).sum();
            if (quantity > 1) {
                values.put("item_count", Integer.toString(quantity));
            }
            if (subject.previousPrice() != null && lead.price() != null
                    && subject.previousPrice().compareTo(lead.price()) > 0) {
                values.put("old_price", money(subject.previousPrice(), lead.currency()));
                values.put("price_drop_percent", percentOff(subject.previousPrice(), lead.price()) + "%");
            }
        }
        if (!subject.orderId().isEmpty()) {
            values.put("order_id", clean(subject.orderId(), 64));
        }
        if (!subject.carrier().isEmpty()) {
            values.put("carrier", clean(subject.carrier(), 40));
        }
        for (ContentBrief.UserFact fact : message.brief().userFacts()) {
            data.put(fact.key(), band(fact, message.facts()));
        }
        ObjectNode offered = data.putObject("placeholders");
        for (String name : values.keySet()) {
            offered.put("{{" + name + "}}", MEANINGS.get(name));
        }
        String language = languageOf(message.locale());
        ContentKey key = new ContentKey(message.triggerId(), message.brief(), message.channel(), message.kind(),
                language, message.variant(), values.containsKey("first_name"), data.toString());
        return new MessageFacts(key, Map.copyOf(values), List.copyOf(texts), Set.copyOf(numbers),
                values.containsKey("old_price"));
    }

    /** The fact sheet a draft for this message is checked against. */
    FactSheet sheet(List<String> allowedClaims, Set<String> otherProducts) {
        return new FactSheet(texts, placeholders, allowedClaims, numbers, priceDrop, otherProducts);
    }

    /** The language of a locale tag: {@code "ru-RU"} gives {@code "ru"}; an unusable tag gives English. */
    static String languageOf(String locale) {
        String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /** Event text as the model may see it: no control characters or angle brackets, one line, cut to a limit. */
    static String clean(String text, int limit) {
        String flat = text.replaceAll("[\\p{Cntrl}<>]", " ").replaceAll("\\s+", " ").strip();
        return flat.length() <= limit ? flat : flat.substring(0, limit).strip();
    }

    /** Puts a text the model may use; one with no letters (a bare id, as Taobao's categories) says nothing. */
    private static void putText(ObjectNode node, String field, String value, List<String> texts) {
        if (value.codePoints().anyMatch(Character::isLetter)) {
            node.put(field, value);
            texts.add(value);
        }
    }

    private static String money(BigDecimal amount, String currency) {
        String value = amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0, RoundingMode.UNNECESSARY)
                .toPlainString() : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return currency.isEmpty() ? value : value + " " + currency;
    }

    private static int percentOff(BigDecimal before, BigDecimal now) {
        return before.subtract(now).multiply(BigDecimal.valueOf(100)).divide(before, 0, RoundingMode.FLOOR)
                .intValue();
    }

    /** The broad band of a user fact, so that users in one band share generations. */
    private static String band(ContentBrief.UserFact fact, UserFacts facts) {
        return switch (fact) {
            case ORDER_COUNT -> switch (Math.min(facts.orders(), 5)) {
                case 0 -> "has not ordered yet";
                case 1 -> "has ordered once";
                case 2, 3, 4 -> "has ordered a few times";
                default -> "a loyal customer with many orders";
            };
            case AVERAGE_ORDER_VALUE -> facts.orders() == 0 ? "no orders yet"
                    : facts.averageOrderValue() < 25 ? "small baskets"
                            : facts.averageOrderValue() < 100 ? "medium baskets" : "large baskets";
        };
    }

    private static Map<String, String> meanings() {
        Map<String, String> meanings = new LinkedHashMap<>();
        meanings.put("first_name", "the reader's first name");
        meanings.put("url", "the link the message leads to");
        meanings.put("item_name", "the item's name");
        meanings.put("price", "the item's current price with its currency");
        meanings.put("old_price", "the item's price before the drop");
        meanings.put("price_drop_percent", "how much cheaper it is now, with the % sign");
        meanings.put("other_items_count", "how many other items are in the cart");
        meanings.put("item_count", "how many items in all");
        meanings.put("order_id", "the order number");
        meanings.put("carrier", "the shipping company");
        return Map.copyOf(meanings);
    }
}
