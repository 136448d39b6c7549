package dev.herald.app.importer;

import dev.herald.core.event.Activity;
import dev.herald.core.event.Event;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductViewed;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Taobao's user behaviour log ({@code UserBehavior.csv}, Alibaba Tianchi): CSV without header, columns
 * {@code user_id,item_id,category_id,behavior_type,timestamp}, the time in Unix seconds.
 *
 * <ul>
 *   <li>{@code pv} becomes Product Viewed; {@code cart} Product Added (no cart id, quantity 1);
 *   <li>{@code fav} an activity named {@value #WISHLIST};
 *   <li>{@code buy} Order Completed with order id {@code taobao-<line>}, one line item and no revenue.
 * </ul>
 *
 * Products carry only their id and category (the category id). Message ids are {@code <source>:<line>}. The reader
 * is built for speed and memory, since the full log holds 100 million lines: lines are split by hand, ids are
 * interned without copying, and one {@link Product} instance is shared by all events about an item.
 */
public final class TaobaoImporter implements EventImporter {

    /** The activity name a {@code fav} row becomes. */
    public static final String WISHLIST = "Product Added to Wishlist";

    private static final String COLUMNS = "user_id,item_id,category_id,behavior_type,timestamp";
    private static final int COLUMN_COUNT = 5;
    /** Longer digit strings would overflow; no real time needs them. */
    private static final int MAX_TIME_DIGITS = 15;

    private final Interner interner;
    /** One product per item id, shared by all events about it. */
    private final ProductTable products;
    private String lastUser = "";

    /** An importer with its own interner. */
    public TaobaoImporter() {
        this(new Interner());
    }

    /** An importer sharing an interner (for user and category ids) with other importers. */
    public TaobaoImporter(Interner interner) {
        this.interner = interner;
        this.products = new ProductTable(interner);
    }

    @Override
    public void read(String sourceName, InputStream in, Consumer<ImportRecord> sink) throws IOException {
        int[] commas = new int[COLUMN_COUNT - 1];
        String prefix = sourceName + ":";
        Lines.read(in, (lineNumber, line) -> sink.accept(parse(sourceName, prefix, lineNumber, line, commas)));
    }

    private ImportRecord parse(String source, String prefix, long lineNumber, String line, int[] commas) {
        int found = 0;
        int at = line.indexOf(',');
        while (at >= 0 && found < commas.length) {
            commas[found++] = at;
            at = line.indexOf(',', at + 1);
        }
        if (found != commas.length || at >= 0) {
            int columns = found + 1 + (at >= 0 ? count(line, at) : 0);
            return reject(source, lineNumber, "expected " + COLUMN_COUNT + " columns (" + COLUMNS + "), found "
                    + columns);
        }
        int userEnd = commas[0];
        int itemEnd = commas[1];
        int categoryEnd = commas[2];
        int typeEnd = commas[3];
        if (userEnd == 0) {
            return reject(source, lineNumber, "column 1 (user_id) is empty");
        }
        if (itemEnd == userEnd + 1) {
            return reject(source, lineNumber, "column 2 (item_id) is empty");
        }
        long seconds = seconds(line, typeEnd + 1, line.length());
        if (seconds < 0) {
            return reject(source, lineNumber, "column 5 (timestamp) " + Texts.quote(line.substring(typeEnd + 1))
                    + " is not a Unix time in seconds");
        }
        Behavior behavior = Behavior.of(line, categoryEnd + 1, typeEnd);
        if (behavior == null) {
            return reject(source, lineNumber, "column 4 (behavior_type) "
                    + Texts.quote(line.substring(categoryEnd + 1, typeEnd)) + " is not one of pv, cart, fav, buy");
        }
        String user = user(line, userEnd);
        String messageId = prefix + lineNumber;
        Instant time = Instant.ofEpochSecond(seconds);
        if (behavior == Behavior.FAV) {
            return new ImportRecord.Parsed(new Activity(messageId, user, time, WISHLIST));
        }
        Product product = product(line, userEnd + 1, itemEnd, categoryEnd);
        Event event = switch (behavior) {
            case PV -> new ProductViewed(messageId, user, time, product);
            case CART -> new ProductAdded(messageId, user, time, "", new LineItem(product, 1));
            case BUY -> new OrderCompleted(messageId, user, time, "taobao-" + lineNumber,
                    List.of(new LineItem(product, 1)), null, "");
            case FAV -> throw new IllegalStateException("handled above");
        };
        return new ImportRecord.Parsed(event);
    }

    /** The user id at the start of the line; the log is sorted by user, so it is usually the last line's. */
    private String user(String line, int end) {
        if (!Texts.regionEquals(line, 0, end, lastUser)) {
            lastUser = interner.intern(line, 0, end);
        }
        return lastUser;
    }

    /** The product of {@code item_id} and {@code category_id}, one instance per item while its category stays. */
    private Product product(String line, int itemStart, int itemEnd, int categoryEnd) {
        return products.find(line, itemStart, itemEnd, itemEnd + 1, categoryEnd);
    }

    private static int count(String line, int from) {
        int count = 0;
        for (int at = from; at >= 0; at = line.indexOf(',', at + 1)) {
            count++;
        }
        return count;
    }

    /** The non-negative number written in {@code line[from, to)}, or -1 when it is not plain digits. */
    private static long seconds(String line, int from, int to) {
        int end = to;
        while (end > from && line.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == from || end - from > MAX_TIME_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static ImportRecord reject(String source, long line, String reason) {
        return new ImportRecord.Rejected(source, line, reason);
    }

    private enum Behavior {
        PV,
        CART,
        FAV,
        BUY;

        /** The behaviour written in {@code line[from, to)}, or null. */
        static Behavior of(String line, int from, int to) {
            int length = to - from;
            if (length == 2 && line.startsWith("pv", from)) {
                return PV;
            }
            if (length == 3 && line.startsWith("fav", from)) {
                return FAV;
            }
            if (length == 3 && line.startsWith("buy", from)) {
                return BUY;
            }
            if (length == 4 && line.startsWith("cart", from)) {
                return CART;
            }
            return null;
        }
    }
}
