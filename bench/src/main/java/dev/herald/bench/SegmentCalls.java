package dev.herald.bench;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Realistic Segment calls for the load generator: {@code Product Viewed} (60 %), {@code Product Added} (20 %),
 * {@code Order Completed} (5 %) and {@code identify} (15 %) for users and products drawn uniformly, each with a unique
 * {@code messageId}, the current time as {@code timestamp} and a small {@code context} as analytics.js sends it. The
 * JSON is written by hand (no Jackson on the sending side), compact, as Herald stores it. One instance per thread.
 */
final class SegmentCalls {

    /** One call: what Herald stores in the row's columns, and the JSON. */
    record Call(String endpoint, String messageId, String userId, String type, Instant eventTime, String json) {}

    private static final String[] CATEGORIES = {"Shoes", "Shirts", "Jackets", "Bags", "Watches", "Hats", "Socks",
            "Trousers"};
    private static final String[] NAMES = {"Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hiro", "Ines",
            "Jonas"};
    private static final String CONTEXT = ",\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"5.2.0\"},"
            + "\"locale\":\"de-DE\",\"ip\":\"203.0.113.";

    private final String prefix;
    private final int users;
    private final int products;
    private final SplittableRandom random;
    private final StringBuilder json = new StringBuilder(1024);
    private long next;

    /**
     * @param prefix the start of every messageId (unique per run and thread)
     * @param seed the random seed of this thread
     */
    SegmentCalls(String prefix, int users, int products, long seed) {
        this.prefix = prefix;
        this.users = users;
        this.products = products;
        this.random = new SplittableRandom(seed);
    }

    /** The next call of the mix. */
    Call next() {
        int draw = random.nextInt(100);
        String user = "u" + random.nextInt(users);
        if (draw < 60) {
            return track("Product Viewed", "PRODUCT_VIEWED", user);
        } else if (draw < 80) {
            return track("Product Added", "PRODUCT_ADDED", user);
        } else if (draw < 85) {
            return track("Order Completed", "ORDER_COMPLETED", user);
        }
        return identify(user);
    }

    /** A {@code Product Added} call for the given user. */
    Call productAdded(String user, Instant at) {
        return track("Product Added", "PRODUCT_ADDED", user, at);
    }

    private Call track(String event, String type, String user) {
        return track(event, type, user, Instant.now());
    }

    private Call track(String event, String type, String user, Instant at) {
        String messageId = prefix + next++;
        json.setLength(0);
        json.append("{\"type\":\"track\",\"event\":\"").append(event).append("\",\"userId\":\"").append(user)
                .append("\",\"messageId\":\"").append(messageId).append("\",\"timestamp\":\"").append(at)
                .append("\",\"properties\":{");
        if (type.equals("ORDER_COMPLETED")) {
            int items = 1 + random.nextInt(3);
            long cents = 0;
            json.append("\"order_id\":\"o").append(messageId).append("\",\"currency\":\"EUR\",\"products\":[");
            for (int i = 0; i < items; i++) {
                int product = random.nextInt(products);
                cents += priceCents(product);
                if (i > 0) {
                    json.append(',');
                }
                json.append('{');
                product(product);
                json.append(",\"quantity\":1}");
            }
            json.append("],\"revenue\":").append(cents / 100).append('.').append(String.format("%02d", cents % 100));
        } else {
            product(random.nextInt(products));
            if (type.equals("PRODUCT_ADDED")) {
                json.append(",\"quantity\":1");
            }
        }
        json.append('}');
        context();
        return new Call("track", messageId, user, type, at, json.toString());
    }

    private Call identify(String user) {
        String messageId = prefix + next++;
        Instant at = Instant.now();
        json.setLength(0);
        json.append("{\"type\":\"identify\",\"userId\":\"").append(user).append("\",\"messageId\":\"")
                .append(messageId).append("\",\"timestamp\":\"").append(at).append("\",\"traits\":{\"email\":\"")
                .append(user).append("@example.com\",\"first_name\":\"").append(NAMES[random.nextInt(NAMES.length)])
                .append("\",\"timezone\":\"Europe/Berlin\",\"consent\":{\"email\":true,\"push\":")
                .append(random.nextBoolean()).append("}}");
        context();
        return new Call("identify", messageId, user, "IDENTIFY", at, json.toString());
    }

    private void product(int product) {
        long cents = priceCents(product);
        json.append("\"product_id\":\"p").append(product).append("\",\"name\":\"Product ").append(product)
                .append("\",\"category\":\"").append(CATEGORIES[product % CATEGORIES.length])
                .append("\",\"price\":").append(cents / 100).append('.').append(cents % 100 / 10).append('0')
                .append(",\"currency\":\"EUR\",\"url\":\"https://shop.example/p/").append(product)
                .append("\",\"image_url\":\"https://shop.example/i/").append(product).append(".jpg\"");
    }

    private static long priceCents(int product) {
        return 490 + (product * 7_919L % 200) * 100 + (product % 10) * 10;
    }

    private void context() {
        json.append(CONTEXT).append(1 + random.nextInt(254)).append("\"}}");
    }
}
