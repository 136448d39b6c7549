package dev.herald.server.segment;

import static dev.herald.server.segment.JsonFields.decimal;
import static dev.herald.server.segment.JsonFields.id;
import static dev.herald.server.segment.JsonFields.isAbsent;
import static dev.herald.server.segment.JsonFields.object;
import static dev.herald.server.segment.JsonFields.positiveInt;
import static dev.herald.server.segment.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Event;
import dev.herald.core.event.EventType;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.profile.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads Segment calls (the Segment HTTP tracking API's JSON) into Herald events. Used by the HTTP server and by the
 * JSON-lines importer.
 *
 * <ul>
 *   <li>{@code track}: the event name is matched with {@link EventType#find}. Product Viewed, Added and Removed read
 *       the product from {@code properties} ({@code product_id}, or {@code sku} or {@code id}; {@code name},
 *       {@code price}, {@code currency}, {@code category}, {@code brand}, {@code url}, {@code image_url},
 *       {@code quantity}, {@code cart_id}). Cart Viewed, Checkout Started, Order Completed and Order Shipped read
 *       {@code products} (a list of such products), {@code cart_id}, {@code order_id}, the value from {@code revenue},
 *       else {@code total}, else {@code value}, {@code currency}, {@code carrier} and {@code tracking_url}; an order
 *       without a value is worth the sum of its priced items, or nothing when none has a price. Price Changed is a
 *       catalog event: the product fields with {@code price} (new) and {@code previous_price}, and no user. Message
 *       Delivered, Opened, Clicked, Unsubscribed, Bounced and Failed read {@code message_id} (Herald's) and
 *       {@code channel}. Any other name becomes an {@link Activity} of that name.
 *   <li>{@code identify}: {@code traits} as plain Java values (a null trait is kept: it clears the trait); a
 *       {@code phone} trait is brought to E.164 when libphonenumber can read it (see
 *       {@link #SegmentParser(String)}), and left as sent otherwise, so that the core marks it invalid.
 *   <li>{@code page} and {@code screen}: an activity named {@value #PAGE_VIEWED} or {@value #SCREEN_VIEWED}.
 *   <li>{@code batch}: every call in {@code batch}; each bad item gives a problem prefixed with its index, the good
 *       ones still give their events.
 * </ul>
 *
 * Every call needs a {@code timestamp}, ISO-8601 with an offset ({@code 2024-05-01T12:00:00Z}), unless the caller
 * passes the time it received the call; and, except Price Changed, {@code userId} or else {@code anonymousId}. A call
 * without {@code messageId} gets one derived from its content: {@code sha256:} and the SHA-256 of its canonical JSON
 * (see {@link MessageIds}), so a replayed log de-duplicates. Strings longer than {@value JsonFields#MAX_TEXT}
 * characters are rejected. Unknown fields are ignored. A parser is immutable and thread-safe.
 */
public final class SegmentParser {

    /** The activity name of a {@code page} call. */
    public static final String PAGE_VIEWED = "Page Viewed";
    /** The activity name of a {@code screen} call. */
    public static final String SCREEN_VIEWED = "Screen Viewed";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keep prices as written: 59.90 stays 59.90 (it is shown to users).
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String PROPERTIES = "properties";
    private static final String CALL_TYPES = "track, identify, page, screen or batch";

    private final PhoneNumbers phones;

    /** A parser that normalises only phone numbers written with {@code +} and a country code. */
    public SegmentParser() {
        this(null);
    }

    /**
     * A parser that reads phone numbers without {@code +} as numbers of a default region.
     *
     * @param defaultPhoneRegion a CLDR region code such as {@code US} or {@code DE}, or null for none
     */
    public SegmentParser(String defaultPhoneRegion) {
        this.phones = new PhoneNumbers(defaultPhoneRegion == null ? null : defaultPhoneRegion.toUpperCase(Locale.ROOT));
    }

    /** Reads one call from JSON text; text that is not JSON gives one problem saying where it breaks. */
    public SegmentResult parse(String json) {
        JsonNode call;
        try {
            call = JSON.readTree(json);
        } catch (JacksonException e) {
            return SegmentResult.failure("not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        if (call == null || call.isMissingNode()) {
            return SegmentResult.failure("no JSON: the text is empty");
        }
        return parse(call);
    }

    /** Reads one call (which may be a batch); the call must say its type and time. */
    public SegmentResult parse(JsonNode call) {
        return parse(call, null, null);
    }

    /**
     * Reads one call as the HTTP server receives it.
     *
     * @param defaultType the type to assume when the call has no {@code type} (the endpoint's: {@code track} for
     *     {@code /v1/track}), or null to require one
     * @param receivedAt the time to use when the call has no {@code timestamp}, or null to require one
     */
    public SegmentResult parse(JsonNode call, String defaultType, Instant receivedAt) {
        if (!call.isObject()) {
            return SegmentResult.failure("a Segment call is a JSON object, got " + JsonFields.describe(call));
        }
        String type;
        try {
            type = type(call, defaultType);
        } catch (InvalidCall e) {
            return SegmentResult.failure(e.describe(""));
        }
        if (!type.equals("batch")) {
            try {
                return new SegmentResult(List.of(single(call, type, receivedAt)), List.of());
            } catch (InvalidCall e) {
                return SegmentResult.failure(e.describe(""));
            }
        }
        return batch(call, receivedAt);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String type(JsonNode call, String defaultType) {
        String type = text(call, "type", "").trim().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            if (defaultType == null) {
                throw new InvalidCall("", "needs \"type\": " + CALL_TYPES);
            }
            type = defaultType.toLowerCase(Locale.ROOT);
        }
        return switch (type) {
            case "track", "identify", "page", "screen", "batch" -> type;
            default -> throw new InvalidCall("type", "\"" + type + "\" is not a call Herald reads; it reads "
                    + CALL_TYPES);
        };
    }

    private SegmentResult batch(JsonNode call, Instant receivedAt) {
        JsonNode items = call.get("batch");
        if (isAbsent(items) || !items.isArray()) {
            String got = isAbsent(items) ? "nothing" : JsonFields.describe(items);
            return SegmentResult.failure("\"batch\": expected a list of calls, got " + got);
        }
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "batch[" + i + "]";
            JsonNode item = items.get(i);
            try {
                if (!item.isObject()) {
                    throw new InvalidCall("", "a Segment call is a JSON object, got " + JsonFields.describe(item));
                }
                String type = type(item, null);
                if (type.equals("batch")) {
                    throw new InvalidCall("type", "a batch cannot hold another batch");
                }
                events.add(single(item, type, receivedAt));
            } catch (InvalidCall e) {
                problems.add(e.describe(prefix));
            }
        }
        return new SegmentResult(events, problems);
    }

    private Event single(JsonNode call, String type, Instant receivedAt) {
        String event = type.equals("track") ? eventName(call) : "";
        String messageId = text(call, "messageId", "").trim();
        if (messageId.isEmpty()) {
            messageId = MessageIds.derive(call);
        }
        Instant timestamp = timestamp(call, receivedAt);
        try {
            return switch (type) {
                case "track" -> track(call, event, messageId, timestamp);
                case "identify" -> new Identify(messageId, user(call), timestamp, traits(call));
                case "page" -> new Activity(messageId, user(call), timestamp, PAGE_VIEWED);
                case "screen" -> new Activity(messageId, user(call), timestamp, SCREEN_VIEWED);
                default -> throw new IllegalStateException("type checked before: " + type);
            };
        } catch (IllegalArgumentException e) {
            // A rule of the core's event records that the checks above do not repeat.
            throw new InvalidCall("", e.getMessage());
        }
    }

    private static String eventName(JsonNode call) {
        String name = text(call, "event", "").trim();
        if (name.isEmpty()) {
            throw new InvalidCall("", "track call needs \"event\", the event's name");
        }
        return name;
    }

    private static Instant timestamp(JsonNode call, Instant receivedAt) {
        String text = text(call, "timestamp", "").trim();
        if (text.isEmpty()) {
            if (receivedAt != null) {
                return receivedAt;
            }
            throw new InvalidCall("", "needs \"timestamp\", an ISO-8601 time with offset like 2024-05-01T12:00:00Z");
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCall("timestamp", JsonFields.describe(call.get("timestamp"))
                    + " is not an ISO-8601 time with offset, like 2024-05-01T12:00:00Z");
        }
    }

    private static String user(JsonNode call) {
        String user = id(call, "userId", "");
        if (user.isEmpty()) {
            user = id(call, "anonymousId", "");
        }
        if (user.isEmpty()) {
            throw new InvalidCall("", "needs \"userId\" or \"anonymousId\"");
        }
        return user;
    }

    private Event track(JsonNode call, String name, String messageId, Instant timestamp) {
        JsonNode properties = object(call, PROPERTIES, "");
        if (properties == null) {
            properties = JSON.createObjectNode();
        }
        EventType type = EventType.find(name).orElse(EventType.ACTIVITY);
        if (type == EventType.PRICE_CHANGED) {
            return priceChanged(properties, messageId, timestamp);
        }
        String user = user(call);
        return switch (type) {
            case PRODUCT_VIEWED -> new ProductViewed(messageId, user, timestamp,
                    product(properties, PROPERTIES, name));
            case PRODUCT_ADDED -> new ProductAdded(messageId, user, timestamp, text(properties, "cart_id", PROPERTIES),
                    lineItem(properties, PROPERTIES, name));
            case PRODUCT_REMOVED -> new ProductRemoved(messageId, user, timestamp,
                    text(properties, "cart_id", PROPERTIES), lineItem(properties, PROPERTIES, name));
            case CART_VIEWED -> new CartViewed(messageId, user, timestamp, text(properties, "cart_id", PROPERTIES),
                    products(properties));
            case CHECKOUT_STARTED -> new CheckoutStarted(messageId, user, timestamp, orderId(properties),
                    products(properties), value(properties));
            case ORDER_COMPLETED -> orderCompleted(properties, messageId, user, timestamp);
            case ORDER_SHIPPED -> orderShipped(properties, name, messageId, user, timestamp);
            case MESSAGE_DELIVERED, MESSAGE_OPENED, MESSAGE_CLICKED, MESSAGE_UNSUBSCRIBED, MESSAGE_BOUNCED,
                    MESSAGE_FAILED -> engagement(properties, type, messageId, user, timestamp);
            case ACTIVITY, IDENTIFY, PRICE_CHANGED -> new Activity(messageId, user, timestamp, name);
        };
    }

    private static PriceChanged priceChanged(JsonNode properties, String messageId, Instant timestamp) {
        if (decimal(properties, "price", PROPERTIES, true) == null) {
            throw new InvalidCall("properties.price", "Price Changed needs the new price");
        }
        BigDecimal previous = decimal(properties, "previous_price", PROPERTIES, true);
        if (previous == null) {
            throw new InvalidCall("properties.previous_price", "Price Changed needs the price before the change");
        }
        return new PriceChanged(messageId, timestamp, product(properties, PROPERTIES, "Price Changed"), previous);
    }

    private static OrderCompleted orderCompleted(JsonNode properties, String messageId, String user,
            Instant timestamp) {
        List<LineItem> items = products(properties);
        BigDecimal revenue = value(properties);
        if (revenue == null) {
            revenue = itemsValue(items);
        }
        return new OrderCompleted(messageId, user, timestamp, orderId(properties), items, revenue,
                text(properties, "currency", PROPERTIES));
    }

    private static OrderShipped orderShipped(JsonNode properties, String name, String messageId, String user,
            Instant timestamp) {
        String orderId = orderId(properties);
        if (orderId.isEmpty()) {
            throw new InvalidCall("properties.order_id", name + " needs the order's id");
        }
        return new OrderShipped(messageId, user, timestamp, orderId, products(properties),
                text(properties, "carrier", PROPERTIES), text(properties, "tracking_url", PROPERTIES));
    }

    private static Engagement engagement(JsonNode properties, EventType type, String messageId, String user,
            Instant timestamp) {
        EngagementType engagement = Arrays.stream(EngagementType.values()).filter(e -> e.eventType() == type)
                .findFirst().orElseThrow();
        String channelName = text(properties, "channel", PROPERTIES).trim();
        Channel channel = null;
        if (!channelName.isEmpty()) {
            Optional<Channel> found = Channel.find(channelName);
            if (found.isEmpty()) {
                throw new InvalidCall("properties.channel", "\"" + channelName + "\" is not a channel; write one of "
                        + Arrays.stream(Channel.values()).map(Channel::key).collect(Collectors.joining(", ")));
            }
            channel = found.get();
        }
        return new Engagement(messageId, user, timestamp, engagement, id(properties, "message_id", PROPERTIES),
                channel);
    }

    private static String orderId(JsonNode properties) {
        return id(properties, "order_id", PROPERTIES);
    }

    /** The order's value: {@code revenue}, else {@code total}, else {@code value}; null when none is given. */
    private static BigDecimal value(JsonNode properties) {
        for (String name : List.of("revenue", "total", "value")) {
            BigDecimal value = decimal(properties, name, PROPERTIES, true);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal itemsValue(List<LineItem> items) {
        BigDecimal total = null;
        for (LineItem item : items) {
            if (item.product().price() != null) {
                BigDecimal line = item.product().price().multiply(BigDecimal.valueOf(item.quantity()));
                total = total == null ? line : total.add(line);
            }
        }
        return total;
    }

    private static List<LineItem> products(JsonNode properties) {
        JsonNode products = properties.get("products");
        if (isAbsent(products)) {
            return List.of();
        }
        String path = "properties.products";
        if (!products.isArray()) {
            throw new InvalidCall(path, "expected a list of products, got " + JsonFields.describe(products));
        }
        List<LineItem> items = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            JsonNode product = products.get(i);
            String itemPath = path + "[" + i + "]";
            if (!product.isObject()) {
                throw new InvalidCall(itemPath, "expected a product object, got " + JsonFields.describe(product));
            }
            items.add(lineItem(product, itemPath, "a product"));
        }
        return items;
    }

    private static LineItem lineItem(JsonNode product, String path, String what) {
        return new LineItem(product(product, path, what), positiveInt(product, "quantity", path, 1));
    }

    private static Product product(JsonNode product, String path, String what) {
        String id = id(product, "product_id", path);
        if (id.isEmpty()) {
            id = id(product, "sku", path);
        }
        if (id.isEmpty()) {
            id = id(product, "id", path);
        }
        if (id.isEmpty()) {
            throw new InvalidCall(JsonFields.path(path, "product_id"),
                    what + " needs a product id in product_id, sku or id");
        }
        return new Product(id, text(product, "name", path), decimal(product, "price", path, true),
                text(product, "currency", path), text(product, "category", path), text(product, "brand", path),
                text(product, "url", path), text(product, "image_url", path));
    }

    private Map<String, Object> traits(JsonNode call) {
        JsonNode traits = object(call, "traits", "");
        if (traits == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : traits.properties()) {
            String path = "traits." + field.getKey();
            Object value = plain(field.getValue(), path);
            if (value instanceof String text && isPhoneKey(field.getKey())) {
                value = phones.normalize(text);
            }
            values.put(JsonFields.checkLength(field.getKey(), path), value);
        }
        return values;
    }

    private static boolean isPhoneKey(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT).equals("phone");
    }

    /** A JSON value as a plain, unmodifiable Java value: String, Number, Boolean, List, Map or null. */
    private static Object plain(JsonNode node, String path) {
        if (isAbsent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return JsonFields.checkLength(node.textValue(), path);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                items.add(plain(node.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(items);
        }
        if (node.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                values.put(field.getKey(), plain(field.getValue(), path + "." + field.getKey()));
            }
            return Collections.unmodifiableMap(values);
        }
        return node.asText();
    }
}
