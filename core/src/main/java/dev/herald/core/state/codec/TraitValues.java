package dev.herald.core.state.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the plain values an {@code identify} call's traits hold: {@code null}, booleans, text, numbers
 * ({@link Integer}, {@link Long}, {@link Double}, {@link Float}, {@link BigInteger}, {@link BigDecimal}), lists and
 * maps with text keys, nested up to {@value #MAX_DEPTH} deep. Each value is a tag byte and its content; a value
 * comes back of the same class, lists and maps unmodifiable (maps keep their order).
 */
final class TraitValues {

    static final int MAX_DEPTH = 64;

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int TEXT = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int FLOAT = 7;
    private static final int BIG_INTEGER = 8;
    private static final int BIG_DECIMAL = 9;
    private static final int LIST = 10;
    private static final int MAP = 11;

    private TraitValues() {}

    /**
     * Writes a map of traits.
     *
     * @throws IllegalArgumentException when a value is of another class, naming the trait
     */
    static void writeMap(Map<?, ?> map, SnapshotOutput out, int depth) throws IOException {
        out.count(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("trait map key " + entry.getKey() + " is not text");
            }
            out.shared(key);
            write(key, entry.getValue(), out, depth);
        }
    }

    private static void write(String name, Object value, SnapshotOutput out, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("trait " + name + " nests deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> out.u8(NULL);
            case Boolean flag -> out.u8(flag ? TRUE : FALSE);
            case String text -> {
                out.u8(TEXT);
                out.shared(text);
            }
            case Integer number -> {
                out.u8(INT);
                out.integer(number);
            }
            case Long number -> {
                out.u8(LONG);
                out.number(number);
            }
            case Double number -> {
                out.u8(DOUBLE);
                out.float64(number);
            }
            case Float number -> {
                out.u8(FLOAT);
                out.float32(number);
            }
            case BigInteger number -> {
                out.u8(BIG_INTEGER);
                out.bigInteger(number);
            }
            case BigDecimal number -> {
                out.u8(BIG_DECIMAL);
                out.decimal(number);
            }
            case List<?> list -> {
                out.u8(LIST);
                out.count(list.size());
                for (Object item : list) {
                    write(name, item, out, depth + 1);
                }
            }
            case Map<?, ?> map -> {
                out.u8(MAP);
                writeMap(map, out, depth + 1);
            }
            default -> throw new IllegalArgumentException("trait " + name + " holds a " + value.getClass().getName()
                    + ", which a snapshot cannot hold (plain values only)");
        }
    }

    /** Reads a map of traits, in order, unmodifiable. */
    static Map<String, Object> readMap(SnapshotInput in, int depth) throws IOException {
        int count = in.count("traits", Parts.MAX_LIST);
        Map<String, Object> map = new LinkedHashMap<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            String key = in.shared("trait name");
            in.enter(key);
            Object value = read(in, depth);
            in.leave();
            if (map.containsKey(key)) {
                throw in.corrupt(key, "trait named twice");
            }
            map.put(key, value);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object read(SnapshotInput in, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw in.corrupt("value", "traits nest deeper than " + MAX_DEPTH);
        }
        int tag = in.u8("tag");
        return switch (tag) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case TEXT -> in.shared("text");
            case INT -> in.integer("int");
            case LONG -> in.number("long");
            case DOUBLE -> in.float64("double");
            case FLOAT -> in.float32("float");
            case BIG_INTEGER -> in.bigInteger("integer");
            case BIG_DECIMAL -> in.decimal("decimal");
            case LIST -> {
                int count = in.count("list", Parts.MAX_LIST);
                List<Object> list = new ArrayList<>(Math.min(count, 16));
                for (int i = 0; i < count; i++) {
                    in.at(i);
                    list.add(read(in, depth + 1));
                }
                yield Collections.unmodifiableList(list);
            }
            case MAP -> readMap(in, depth + 1);
            default -> throw in.corrupt("tag", "unknown trait value tag " + tag);
        };
    }
}
