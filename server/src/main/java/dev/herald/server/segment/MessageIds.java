package dev.herald.server.segment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Derives a message id for a call that has none, so that replaying the same log twice de-duplicates.
 *
 * <p>The id is {@code sha256:} followed by the lower-case hex SHA-256 of the call's canonical JSON, encoded as UTF-8.
 * Canonical JSON is compact (no spaces), with object keys sorted by their UTF-16 code units at every depth, arrays
 * in their order, and every number written as its plain decimal value without trailing zeros ({@code 1.50}, {@code
 * 1.5} and {@code 1.5e0} are all {@code 1.5}; {@code 10} stays {@code 10}). So two calls that differ only in key
 * order, spacing or number spelling get the same id.
 */
final class MessageIds {

    /** The prefix of derived ids. */
    static final String PREFIX = "sha256:";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer()
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private MessageIds() {}

    static String derive(JsonNode call) {
        try {
            byte[] json = WRITER.writeValueAsString(canonical(call)).getBytes(StandardCharsets.UTF_8);
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree back as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The canonical form of a JSON tree (see the class comment). */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
            }
            Collections.sort(names);
            ObjectNode sorted = NODES.objectNode();
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode(node.size());
            for (JsonNode item : node) {
                items.add(canonical(item));
            }
            return items;
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
