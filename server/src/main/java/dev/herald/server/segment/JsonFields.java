package dev.herald.server.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads typed fields out of a Segment call's JSON; a field of the wrong type stops the call with an
 * {@link InvalidCall} that names it. Missing and {@code null} fields read as absent.
 */
final class JsonFields {

    /** The longest string accepted, in characters. */
    static final int MAX_TEXT = 10_000;

    private static final BigInteger MAX_QUANTITY = BigInteger.valueOf(Integer.MAX_VALUE);

    private JsonFields() {}

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** A string field, or {@code ""} when absent. */
    static String text(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return "";
        }
        String path = path(parentPath, name);
        if (!node.isTextual()) {
            throw new InvalidCall(path, "expected a string, got " + describe(node));
        }
        return checkLength(node.textValue(), path);
    }

    /**
     * An id: a string, or a whole number written as one (shops often send numeric product and user ids); {@code ""}
     * when absent or blank.
     */
    static String id(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return "";
        }
        String path = path(parentPath, name);
        if (node.isTextual()) {
            return checkLength(node.textValue(), path).trim();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw new InvalidCall(path, "expected a string or a whole number, got " + describe(node));
    }

    /** A number (or a string holding one), or null when absent; never negative when {@code nonNegative}. */
    static BigDecimal decimal(JsonNode parent, String name, String parentPath, boolean nonNegative) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return null;
        }
        String path = path(parentPath, name);
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual() && node.textValue().length() <= 100) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new InvalidCall(path, "expected a number, got " + describe(node));
            }
        } else {
            throw new InvalidCall(path, "expected a number, got " + describe(node));
        }
        if (nonNegative && value.signum() < 0) {
            throw new InvalidCall(path, "must not be negative, got " + value.toPlainString());
        }
        return value;
    }

    /** A whole number of at least 1, or {@code fallback} when absent. */
    static int positiveInt(JsonNode parent, String name, String parentPath, int fallback) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return fallback;
        }
        String path = path(parentPath, name);
        BigDecimal value = decimal(parent, name, parentPath, false);
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidCall(path, "expected a whole number of at least 1, got " + describe(node));
        }
        if (whole.signum() <= 0 || whole.compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidCall(path, "expected a whole number of at least 1, got " + describe(node));
        }
        return whole.intValueExact();
    }

    /** An object field, or null when absent. */
    static JsonNode object(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidCall(path(parentPath, name), "expected an object, got " + describe(node));
        }
        return node;
    }

    static String checkLength(String value, String path) {
        if (value.length() > MAX_TEXT) {
            throw new InvalidCall(path, "is " + value.length() + " characters long; at most " + MAX_TEXT
                    + " are accepted");
        }
        return value;
    }

    /** A value as a reader sees it, for "expected ..., got ..." reasons; long strings are cut short. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() <= 60 ? text : text.substring(0, 60) + "…") + "\"";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
