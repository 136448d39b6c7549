package dev.herald.app.importer;

import dev.herald.core.event.Event;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads REES46's e-commerce behaviour log ("eCommerce behavior data from multi category store", Kaggle): CSV with
 * the header {@value #HEADER}, times written {@code 2019-10-01 00:00:00 UTC}.
 *
 * <ul>
 *   <li>{@code view} becomes Product Viewed, {@code cart} Product Added and {@code remove_from_cart} Product Removed
 *       (no cart id, quantity 1);
 *   <li>{@code purchase} becomes Order Completed with order id {@code <user_session>-<line>} (or {@code order-<line>}
 *       without a session), one line item and the price as revenue.
 * </ul>
 *
 * The product carries its id, a name made of the brand and the last part of the category code ({@code apple
 * smartphone}), the price, the category code and the brand. Empty optional fields are fine.
 *
 * <p>The log has no catalog events, so they are derived: when a row shows a product at a price other than the last
 * price seen for it, a {@link PriceChanged} (message id {@code <source>:<line>:price}) is emitted just before the
 * row's own event. Rows without a price neither change nor reset the last price. The last prices are those seen by
 * this importer instance: a fresh importer per file compares within the file, one importer reading the monthly files
 * in order also finds the changes between months. Message ids are {@code <source>:<line>}.
 */
public final class Rees46Importer implements EventImporter {

    /** The header line (optional: a first line equal to it is skipped). */
    public static final String HEADER =
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";

    private static final int COLUMN_COUNT = 9;
    private static final int TIME = 0;
    private static final int TYPE = 1;
    private static final int PRODUCT = 2;
    private static final int CATEGORY_CODE = 4;
    private static final int BRAND = 5;
    private static final int PRICE = 6;
    private static final int USER = 7;
    private static final int SESSION = 8;
    private static final String TIME_SUFFIX = " UTC";
    private static final int TIME_LENGTH = "2019-10-01 00:00:00 UTC".length();

    private final Interner interner;
    /** The last product seen with a price, by product id: the reference for price changes and a shared instance. */
    private final Map<String, Product> lastPriced = new HashMap<>();
    private String lastTimeText = "";
    private Instant lastTime = Instant.EPOCH;

    /** An importer with its own interner. */
    public Rees46Importer() {
        this(new Interner());
    }

    /** An importer sharing an interner, so that ids repeated across inputs are held once. */
    public Rees46Importer(Interner interner) {
        this.interner = interner;
    }

    @Override
    public void read(String sourceName, InputStream in, Consumer<ImportRecord> sink) throws IOException {
        CsvFields fields = new CsvFields(COLUMN_COUNT);
        Lines.read(in, (lineNumber, line) -> {
            if (lineNumber == 1 && line.trim().equalsIgnoreCase(HEADER)) {
                return;
            }
            String reason = parse(sourceName, lineNumber, line, fields, sink);
            if (reason != null) {
                sink.accept(new ImportRecord.Rejected(sourceName, lineNumber, reason));
            }
        });
    }

    /** Emits the row's events, or returns why the row is rejected. */
    private String parse(String source, long lineNumber, String line, CsvFields fields,
            Consumer<ImportRecord> sink) {
        if (!fields.split(line)) {
            return "a quoted field is not closed";
        }
        if (fields.count() != COLUMN_COUNT) {
            return "expected " + COLUMN_COUNT + " columns (" + HEADER + "), found " + fields.count();
        }
        Instant time = time(fields.get(TIME));
        if (time == null) {
            return "column 1 (event_time) " + Texts.quote(fields.get(TIME))
                    + " is not a time like 2019-10-01 00:00:00 UTC";
        }
        String type = fields.get(TYPE);
        if (!type.equals("view") && !type.equals("cart") && !type.equals("remove_from_cart")
                && !type.equals("purchase")) {
            return "column 2 (event_type) " + Texts.quote(type) + " is not one of view, cart, remove_from_cart, "
                    + "purchase";
        }
        String productId = fields.get(PRODUCT).trim();
        if (productId.isEmpty()) {
            return "column 3 (product_id) is empty";
        }
        String user = fields.get(USER).trim();
        if (user.isEmpty()) {
            return "column 8 (user_id) is empty";
        }
        String priceText = fields.get(PRICE).trim();
        BigDecimal price = null;
        if (!priceText.isEmpty()) {
            try {
                price = new BigDecimal(priceText);
            } catch (NumberFormatException e) {
                return "column 7 (price) " + Texts.quote(priceText) + " is not a price like 489.07";
            }
            if (price.signum() < 0) {
                return "column 7 (price) " + Texts.quote(priceText) + " must not be negative";
            }
        }
        String messageId = source + ":" + lineNumber;
        Product product = product(productId, price, fields.get(CATEGORY_CODE).trim(), fields.get(BRAND).trim(),
                source, lineNumber, time, sink);
        String userId = interner.intern(user);
        LineItem item = new LineItem(product, 1);
        Event event = switch (type) {
            case "view" -> new ProductViewed(messageId, userId, time, product);
            case "cart" -> new ProductAdded(messageId, userId, time, "", item);
            case "remove_from_cart" -> new ProductRemoved(messageId, userId, time, "", item);
            default -> new OrderCompleted(messageId, userId, time, orderId(fields.get(SESSION).trim(), lineNumber),
                    List.of(item), price, "");
        };
        sink.accept(new ImportRecord.Parsed(event));
        return null;
    }

    /**
     * The row's product, shared with earlier rows when it is described the same way; emits a price change first
     * when the price differs from the last one seen.
     */
    private Product product(String id, BigDecimal price, String categoryCode, String brand, String source,
            long lineNumber, Instant time, Consumer<ImportRecord> sink) {
        Product last = lastPriced.get(id);
        if (last != null && price != null && last.price().compareTo(price) == 0
                && last.category().equals(categoryCode) && last.brand().equals(brand)) {
            return last;
        }
        String productId = last == null ? interner.intern(id) : last.id();
        Product product = new Product(productId, name(brand, categoryCode), price, "", interner.intern(categoryCode),
                interner.intern(brand), "", "");
        if (price == null) {
            return product;
        }
        if (last != null && last.price().compareTo(price) != 0) {
            sink.accept(new ImportRecord.Parsed(
                    new PriceChanged(source + ":" + lineNumber + ":price", time, product, last.price())));
        }
        lastPriced.put(productId, product);
        return product;
    }

    /** {@code apple smartphone} from brand {@code apple} and category code {@code electronics.smartphone}. */
    private static String name(String brand, String categoryCode) {
        String kind = categoryCode.substring(categoryCode.lastIndexOf('.') + 1);
        if (brand.isEmpty()) {
            return kind;
        }
        return kind.isEmpty() ? brand : brand + " " + kind;
    }

    private static String orderId(String session, long lineNumber) {
        return (session.isEmpty() ? "order" : session) + "-" + lineNumber;
    }

    /** Reads {@code 2019-10-01 00:00:00 UTC}; null when the text is not such a time. */
    private Instant time(String text) {
        if (text.equals(lastTimeText)) {
            return lastTime;
        }
        if (text.length() != TIME_LENGTH || !text.endsWith(TIME_SUFFIX) || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != ' ' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            Instant instant = LocalDate.of(year, month, day).atTime(LocalTime.of(hour, minute, second))
                    .toInstant(ZoneOffset.UTC);
            lastTimeText = text;
            lastTime = instant;
            return instant;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
