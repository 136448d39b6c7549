package dev.herald.server.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Event;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentParserTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    private static final String HEAD =
            "\"messageId\":\"m1\",\"userId\":\"u1\",\"timestamp\":\"2024-05-01T14:00:00+02:00\"";
    private static final Product SHOE = new Product("p1", "Runner", new BigDecimal("59.90"), "EUR", "shoes",
            "Acme", "https://shop/p1", "https://shop/p1.jpg");
    private static final String SHOE_JSON = "\"product_id\":\"p1\",\"name\":\"Runner\",\"price\":59.90,"
            + "\"currency\":\"EUR\",\"category\":\"shoes\",\"brand\":\"Acme\",\"url\":\"https://shop/p1\","
            + "\"image_url\":\"https://shop/p1.jpg\"";

    private final SegmentParser parser = new SegmentParser();

    @Test
    void shouldReadProductViewed() {
        // Act
        Event event = single(track("Product Viewed", "{" + SHOE_JSON + "}"));

        // Assert
        assertThat(event).isEqualTo(new ProductViewed("m1", "u1", T, SHOE));
    }

    @Test
    void shouldReadProductAddedAndRemovedWithQuantityAndCart() {
        // Act
        Event added = single(track("Product Added", "{" + SHOE_JSON + ",\"quantity\":2,\"cart_id\":\"c9\"}"));
        Event removed = single(track("product_removed", "{\"sku\":\"p1\",\"quantity\":\"1\"}"));

        // Assert
        assertThat(added).isEqualTo(new ProductAdded("m1", "u1", T, "c9", new LineItem(SHOE, 2)));
        assertThat(removed).isEqualTo(new ProductRemoved("m1", "u1", T, "", new LineItem(Product.ofId("p1"), 1)));
    }

    @Test
    void shouldReadCartViewedAndCheckoutStartedWithProducts() {
        // Arrange
        String products = "\"products\":[{" + SHOE_JSON + ",\"quantity\":2},{\"id\":42}]";

        // Act
        Event cart = single(track("Cart Viewed", "{\"cart_id\":\"c9\"," + products + "}"));
        Event checkout = single(track("Checkout Started", "{\"order_id\":\"o1\",\"value\":\"119.8\"," + products
                + "}"));

        // Assert
        List<LineItem> items = List.of(new LineItem(SHOE, 2), new LineItem(Product.ofId("42"), 1));
        assertThat(cart).isEqualTo(new CartViewed("m1", "u1", T, "c9", items));
        assertThat(checkout).isEqualTo(new CheckoutStarted("m1", "u1", T, "o1", items, new BigDecimal("119.8")));
    }

    @Test
    void shouldReadOrderCompletedTakingRevenueBeforeTotalAndValue() {
        // Act
        Event order = single(track("Order Completed", "{\"order_id\":\"o1\",\"total\":130,\"revenue\":119.80,"
                + "\"currency\":\"EUR\",\"products\":[{" + SHOE_JSON + ",\"quantity\":2}]}"));

        // Assert
        assertThat(order).isEqualTo(new OrderCompleted("m1", "u1", T, "o1", List.of(new LineItem(SHOE, 2)),
                new BigDecimal("119.80"), "EUR"));
    }

    @Test
    void shouldValueAnOrderWithoutRevenueByItsPricedItems() {
        // Act
        OrderCompleted order = (OrderCompleted) single(track("Order Completed",
                "{\"products\":[{\"product_id\":\"a\",\"price\":2.50,\"quantity\":3},{\"product_id\":\"b\"}]}"));
        OrderCompleted unpriced = (OrderCompleted) single(track("Order Completed",
                "{\"products\":[{\"product_id\":\"b\"}]}"));

        // Assert
        assertThat(order.revenue()).isEqualByComparingTo("7.50");
        assertThat(unpriced.revenue()).isNull();
    }

    @Test
    void shouldReadOrderShipped() {
        // Act
        Event shipped = single(track("Order Shipped", "{\"order_id\":\"o1\",\"carrier\":\"DHL\","
                + "\"tracking_url\":\"https://t/1\",\"products\":[{\"product_id\":\"p1\"}]}"));

        // Assert
        assertThat(shipped).isEqualTo(new OrderShipped("m1", "u1", T, "o1",
                List.of(new LineItem(Product.ofId("p1"), 1)), "DHL", "https://t/1"));
    }

    @Test
    void shouldReadPriceChangedAsCatalogEventWithoutUser() {
        // Act
        SegmentResult result = parser.parse("{\"type\":\"track\",\"event\":\"Price Changed\",\"messageId\":\"m1\","
                + "\"timestamp\":\"2024-05-01T12:00:00Z\",\"properties\":{" + SHOE_JSON
                + ",\"previous_price\":79.90}}");

        // Assert
        assertThat(result.events()).containsExactly(
                new PriceChanged("m1", T, SHOE, new BigDecimal("79.90")));
    }

    @Test
    void shouldReadEngagementWithChannelAndHeraldMessageId() {
        // Act
        Event clicked = single(track("Message Clicked", "{\"message_id\":\"d-17\",\"channel\":\"in-app\"}"));
        Event bounced = single(track("Message Bounced", "{}"));

        // Assert
        assertThat(clicked).isEqualTo(new Engagement("m1", "u1", T, EngagementType.CLICKED, "d-17", Channel.IN_APP));
        assertThat(bounced).isEqualTo(new Engagement("m1", "u1", T, EngagementType.BOUNCED, "", null));
    }

    @Test
    void shouldReadAnyOtherTrackAsActivityOfThatName() {
        // Act
        Event event = single(track("Application Opened", "{}"));

        // Assert
        assertThat(event).isEqualTo(new Activity("m1", "u1", T, "Application Opened"));
    }

    @Test
    void shouldReadPageAndScreenAsActivityWithAnonymousId() {
        // Act
        Event page = single("{\"type\":\"page\",\"name\":\"Home\",\"messageId\":\"m1\",\"anonymousId\":\"a1\","
                + "\"timestamp\":\"2024-05-01T12:00:00Z\"}");
        Event screen = single("{\"type\":\"screen\",\"messageId\":\"m1\",\"userId\":\"\",\"anonymousId\":\"a1\","
                + "\"timestamp\":\"2024-05-01T12:00:00Z\"}");

        // Assert
        assertThat(page).isEqualTo(new Activity("m1", "a1", T, "Page Viewed"));
        assertThat(screen).isEqualTo(new Activity("m1", "a1", T, "Screen Viewed"));
    }

    @Test
    void shouldReadIdentifyTraitsAsPlainValues() {
        // Act
        Event event = single("{\"type\":\"identify\"," + HEAD + ",\"traits\":{\"email\":\"a@b.co\","
                + "\"consent\":{\"email\":true},\"active_hours\":[9,10],\"age\":41,\"gone\":null}}");

        // Assert
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("email", "a@b.co");
        traits.put("consent", Map.of("email", true));
        traits.put("active_hours", List.of(9, 10));
        traits.put("age", 41);
        traits.put("gone", null);
        assertThat(event).isEqualTo(new Identify("m1", "u1", T, traits));
    }

    @Test
    void shouldNormaliseInternationalPhoneToE164() {
        // Act
        Identify identify = (Identify) single(identifyWithPhone("+1 415 555 0123"));

        // Assert
        assertThat(identify.traits()).containsEntry("phone", "+14155550123");
    }

    @Test
    void shouldLeavePhoneThatDoesNotParseAsSent() {
        // Act
        Identify identify = (Identify) single(identifyWithPhone("12345"));
        Identify withRegion = (Identify) new SegmentParser("US").parse(identifyWithPhone("12345")).events().get(0);

        // Assert
        assertThat(identify.traits()).containsEntry("phone", "12345");
        assertThat(withRegion.traits()).containsEntry("phone", "12345");
    }

    @Test
    void shouldReadLocalPhoneInTheDefaultRegion() {
        // Act
        Identify us = (Identify) new SegmentParser("us").parse(identifyWithPhone("(415) 555-0123")).events().get(0);
        Identify none = (Identify) single(identifyWithPhone("(415) 555-0123"));

        // Assert
        assertThat(us.traits()).containsEntry("phone", "+14155550123");
        assertThat(none.traits()).containsEntry("phone", "(415) 555-0123");
    }

    @Test
    void shouldRejectBadTimestampNamingIt() {
        // Act
        SegmentResult result = parser.parse("{\"type\":\"track\",\"event\":\"X\",\"userId\":\"u\","
                + "\"timestamp\":\"yesterday\"}");

        // Assert
        assertThat(result.events()).isEmpty();
        assertThat(result.problems()).containsExactly(
                "\"timestamp\": \"yesterday\" is not an ISO-8601 time with offset, like 2024-05-01T12:00:00Z");
    }

    @Test
    void shouldRejectTimestampWithoutOffset() {
        // Act / Assert
        assertProblem("{\"type\":\"page\",\"userId\":\"u\",\"timestamp\":\"2024-05-01T12:00:00\"}",
                "\"timestamp\": \"2024-05-01T12:00:00\" is not an ISO-8601 time with offset, like "
                        + "2024-05-01T12:00:00Z");
    }

    @Test
    void shouldRejectMissingTimestampUnlessReceiveTimeIsGiven() throws Exception {
        // Arrange
        String json = "{\"type\":\"page\",\"messageId\":\"m1\",\"userId\":\"u\"}";

        // Act
        SegmentResult replayed = parser.parse(json);
        SegmentResult received = parser.parse(new ObjectMapper().readTree(json), null, T);

        // Assert
        assertThat(replayed.problems())
                .containsExactly("needs \"timestamp\", an ISO-8601 time with offset like 2024-05-01T12:00:00Z");
        assertThat(received.events()).containsExactly(new Activity("m1", "u", T, "Page Viewed"));
    }

    @Test
    void shouldRejectTrackWithoutEvent() {
        // Act / Assert
        assertProblem("{\"type\":\"track\"," + HEAD + "}", "track call needs \"event\", the event's name");
    }

    @Test
    void shouldRejectCallWithoutUser() {
        // Act / Assert
        assertProblem("{\"type\":\"track\",\"event\":\"Product Viewed\",\"timestamp\":\"2024-05-01T12:00:00Z\","
                + "\"properties\":{\"product_id\":\"p\"}}", "needs \"userId\" or \"anonymousId\"");
    }

    @Test
    void shouldRejectMissingOrUnknownType() {
        // Act / Assert
        assertProblem("{" + HEAD + "}", "needs \"type\": track, identify, page, screen or batch");
        assertProblem("{\"type\":\"alias\"," + HEAD + "}",
                "\"type\": \"alias\" is not a call Herald reads; it reads track, identify, page, screen or batch");
    }

    @Test
    void shouldUseEndpointTypeWhenCallHasNone() throws Exception {
        // Act
        SegmentResult result = parser.parse(new ObjectMapper().readTree("{" + HEAD + ",\"event\":\"Signed Up\"}"),
                "track", null);

        // Assert
        assertThat(result.events()).containsExactly(new Activity("m1", "u1", T, "Signed Up"));
    }

    @Test
    void shouldRejectPriceThatIsNotANumber() {
        // Act / Assert
        assertProblem(track("Product Viewed", "{\"product_id\":\"p\",\"price\":\"cheap\"}"),
                "\"properties.price\": expected a number, got \"cheap\"");
        assertProblem(track("Product Viewed", "{\"product_id\":\"p\",\"price\":-1}"),
                "\"properties.price\": must not be negative, got -1");
    }

    @Test
    void shouldRejectBadFieldInsideProductsNamingItsIndex() {
        // Act / Assert
        assertProblem(track("Order Completed", "{\"products\":[{\"product_id\":\"a\"},{\"product_id\":\"b\","
                + "\"quantity\":0}]}"),
                "\"properties.products[1].quantity\": expected a whole number of at least 1, got 0");
        assertProblem(track("Cart Viewed", "{\"products\":[{\"name\":\"no id\"}]}"),
                "\"properties.products[0].product_id\": a product needs a product id in product_id, sku or id");
    }

    @Test
    void shouldRejectProductEventWithoutProductId() {
        // Act / Assert
        assertProblem(track("Product Added", "{\"name\":\"Runner\"}"),
                "\"properties.product_id\": Product Added needs a product id in product_id, sku or id");
    }

    @Test
    void shouldRejectFieldsOfTheWrongType() {
        // Act / Assert
        assertProblem(track("Product Viewed", "{\"product_id\":\"p\",\"name\":[1]}"),
                "\"properties.name\": expected a string, got a list");
        assertProblem(track("Product Viewed", "[]"), "\"properties\": expected an object, got a list");
        assertProblem("{\"type\":\"identify\"," + HEAD + ",\"traits\":\"vip\"}",
                "\"traits\": expected an object, got \"vip\"");
        assertProblem(track("Product Viewed", "{\"product_id\":{\"a\":1}}"),
                "\"properties.product_id\": expected a string or a whole number, got an object");
    }

    @Test
    void shouldRejectUnknownEngagementChannel() {
        // Act / Assert
        assertProblem(track("Message Opened", "{\"channel\":\"fax\"}"),
                "\"properties.channel\": \"fax\" is not a channel; write one of email, sms, push, in_app, webhook");
    }

    @Test
    void shouldRejectOrderShippedWithoutOrderId() {
        // Act / Assert
        assertProblem(track("Order Shipped", "{}"), "\"properties.order_id\": Order Shipped needs the order's id");
    }

    @Test
    void shouldRejectPriceChangedWithoutPrices() {
        // Act / Assert
        assertProblem(track("Price Changed", "{\"product_id\":\"p\",\"price\":5}"),
                "\"properties.previous_price\": Price Changed needs the price before the change");
        assertProblem(track("Price Changed", "{\"product_id\":\"p\"}"),
                "\"properties.price\": Price Changed needs the new price");
    }

    @Test
    void shouldRejectStringLongerThanTenThousandCharacters() {
        // Act / Assert
        assertProblem(track("Product Viewed", "{\"product_id\":\"p\",\"name\":\"" + "x".repeat(10_001) + "\"}"),
                "\"properties.name\": is 10001 characters long; at most 10000 are accepted");
        assertProblem("{\"type\":\"identify\"," + HEAD + ",\"traits\":{\"bio\":\"" + "x".repeat(10_001) + "\"}}",
                "\"traits.bio\": is 10001 characters long; at most 10000 are accepted");
    }

    @Test
    void shouldRejectTextThatIsNotJson() {
        // Act / Assert
        assertThat(parser.parse("{\"type\": track}").problems()).singleElement().asString()
                .startsWith("not valid JSON at line 1, column ");
        assertProblem("", "no JSON: the text is empty");
        assertProblem("[1]", "a Segment call is a JSON object, got a list");
    }

    @Test
    void shouldReadBatchKeepingGoodItemsAndReportingEachBadOneByIndex() {
        // Arrange
        String json = "{\"type\":\"batch\",\"batch\":["
                + "{\"type\":\"track\",\"event\":\"Product Viewed\"," + HEAD + ",\"properties\":{" + SHOE_JSON + "}},"
                + "{\"type\":\"page\",\"userId\":\"u1\",\"timestamp\":\"yesterday\"},"
                + "{\"type\":\"identify\"," + HEAD + ",\"traits\":{}},"
                + "{\"type\":\"track\",\"userId\":\"u1\",\"timestamp\":\"2024-05-01T12:00:00Z\"},"
                + "7]}";

        // Act
        SegmentResult result = parser.parse(json);

        // Assert
        assertThat(result.events()).containsExactly(new ProductViewed("m1", "u1", T, SHOE),
                new Identify("m1", "u1", T, Map.of()));
        assertThat(result.problems()).containsExactly(
                "\"batch[1].timestamp\": \"yesterday\" is not an ISO-8601 time with offset, like "
                        + "2024-05-01T12:00:00Z",
                "\"batch[3]\": track call needs \"event\", the event's name",
                "\"batch[4]\": a Segment call is a JSON object, got 7");
        assertThat(result.isOk()).isFalse();
    }

    @Test
    void shouldRejectBatchWithoutList() {
        // Act / Assert
        assertProblem("{\"type\":\"batch\"}", "\"batch\": expected a list of calls, got nothing");
        assertProblem("{\"type\":\"batch\",\"batch\":[{\"type\":\"batch\",\"batch\":[]}]}",
                "\"batch[0].type\": a batch cannot hold another batch");
    }

    @Test
    void shouldDeriveStableMessageIdFromCanonicalJson() throws Exception {
        // Arrange
        String one = "{\"type\":\"page\",\"userId\":\"u1\",\"timestamp\":\"2024-05-01T12:00:00Z\",\"p\":1.50}";
        String same = "{ \"p\" : 1.5, \"timestamp\":\"2024-05-01T12:00:00Z\", \"userId\":\"u1\", \"type\":\"page\" }";
        String other = "{\"type\":\"page\",\"userId\":\"u2\",\"timestamp\":\"2024-05-01T12:00:00Z\",\"p\":1.50}";

        // Act
        String id = single(one).messageId();
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(same);

        // Assert
        assertThat(id).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(single(same).messageId()).isEqualTo(id);
        assertThat(parser.parse(tree).events().get(0).messageId()).isEqualTo(id);
        assertThat(single(other).messageId()).isNotEqualTo(id);
        assertThat(MessageIds.canonical(tree).toString())
                .isEqualTo("{\"p\":1.5,\"timestamp\":\"2024-05-01T12:00:00Z\",\"type\":\"page\",\"userId\":\"u1\"}");
    }

    private static String track(String event, String properties) {
        return "{\"type\":\"track\",\"event\":\"" + event + "\"," + HEAD + ",\"properties\":" + properties + "}";
    }

    private static String identifyWithPhone(String phone) {
        return "{\"type\":\"identify\"," + HEAD + ",\"traits\":{\"phone\":\"" + phone + "\"}}";
    }

    private Event single(String json) {
        SegmentResult result = parser.parse(json);
        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).hasSize(1);
        return result.events().get(0);
    }

    private void assertProblem(String json, String problem) {
        SegmentResult result = parser.parse(json);
        assertThat(result.events()).isEmpty();
        assertThat(result.problems()).containsExactly(problem);
    }
}
