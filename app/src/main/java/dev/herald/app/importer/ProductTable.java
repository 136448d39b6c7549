package dev.herald.app.importer;

import dev.herald.core.event.Product;
import java.util.HashMap;
import java.util.Map;

/**
 * The products of an id-only log (Taobao), one shared instance per item id, looked up by a range of a line without
 * copying it out. Ids written as plain numbers (no sign, no leading zero, at most 18 digits, as all of Taobao's are)
 * are keyed by their value in an open-addressing table: a lookup touches one slot of a {@code long} array instead of
 * following a string, which matters when millions of items do not fit in the processor's caches. Other ids go to a
 * plain map. Not thread-safe.
 */
final class ProductTable {

    private static final int INITIAL_CAPACITY = 1 << 10;
    private static final int MAX_NUMERIC_DIGITS = 18;

    private long[] keys = new long[INITIAL_CAPACITY];
    private Product[] products = new Product[INITIAL_CAPACITY];
    private int size;
    private final Map<String, Product> others = new HashMap<>();

    private final Interner categories;

    /** @param categories interns the category ids of new products */
    ProductTable(Interner categories) {
        this.categories = categories;
    }

    /**
     * The product whose id is {@code line[from, to)} and whose category is {@code line[categoryFrom, categoryTo)};
     * created (and kept in place of the item's earlier product) when the item is new or its category changed. An
     * item keeps its category in a real log, so the category is usually only compared, not looked up.
     */
    Product find(String line, int from, int to, int categoryFrom, int categoryTo) {
        long key = numericKey(line, from, to);
        if (key < 0) {
            return other(line.substring(from, to), category(line, categoryFrom, categoryTo));
        }
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask;; slot = (slot + 1) & mask) {
            Product product = products[slot];
            if (product == null) {
                String category = category(line, categoryFrom, categoryTo);
                Product created = new Product(line.substring(from, to), "", null, "", category, "", "", "");
                keys[slot] = key;
                products[slot] = created;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return created;
            }
            if (keys[slot] == key) {
                if (!Texts.regionEquals(line, categoryFrom, categoryTo, product.category())) {
                    String category = category(line, categoryFrom, categoryTo);
                    product = new Product(product.id(), "", null, "", category, "", "", "");
                    products[slot] = product;
                }
                return product;
            }
        }
    }

    private String category(String line, int from, int to) {
        return from == to ? "" : categories.intern(line, from, to);
    }

    /** How many items are held. */
    int size() {
        return size + others.size();
    }

    private Product other(String id, String category) {
        Product product = others.get(id);
        if (product == null || !product.category().equals(category)) {
            product = new Product(product == null ? id : product.id(), "", null, "", category, "", "", "");
            others.put(product.id(), product);
        }
        return product;
    }

    /** The value of a plain decimal number in {@code line[from, to)}, or -1 when the id is written otherwise. */
    private static long numericKey(String line, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_NUMERIC_DIGITS || (line.charAt(from) == '0' && length > 1)) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void grow() {
        long[] oldKeys = keys;
        Product[] oldProducts = products;
        keys = new long[oldKeys.length * 2];
        products = new Product[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldProducts[i] != null) {
                int slot = spread(oldKeys[i]) & mask;
                while (products[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                products[slot] = oldProducts[i];
            }
        }
    }

    private static int spread(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
