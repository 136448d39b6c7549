package dev.herald.core.state.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.Product;
import dev.herald.core.testing.EngineScript;
import dev.herald.core.testing.RandomShopLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every event comes back {@code equals} from its encoding, identify traits of every plain kind included. */
class EventCodecTest {

    private static byte[] encode(List<Event> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput out = new SnapshotOutput(new DataOutputStream(bytes));
        out.count(events.size());
        for (Event event : events) {
            EventCodec.write(event, out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static List<Event> decode(byte[] bytes) throws IOException {
        SnapshotInput in = new SnapshotInput(new DataInputStream(new ByteArrayInputStream(bytes)));
        int count = in.count("events", Integer.MAX_VALUE);
        List<Event> events = new ArrayList<>();
        in.enter("events");
        for (int i = 0; i < count; i++) {
            in.at(i);
            events.add(EventCodec.read(in));
        }
        in.leave();
        return events;
    }

    @Test
    void shouldRoundTripTheEventsOfRandomScripts() throws IOException {
        Set<String> types = new TreeSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            List<Event> events = EngineScript.generate(seed, StateCodecTest.config(seed)).log().events();
            events.forEach(e -> types.add(e.type().name()));
            assertThat(decode(encode(events))).as("seed %d", seed).isEqualTo(events);
        }
        assertThat(types).hasSizeGreaterThan(12);
    }

    @Test
    void shouldRoundTripHandBuiltEventsWithEveryKindOfTrait() throws IOException {
        Instant at = Instant.ofEpochSecond(1_700_000_000L, 1);
        Product product = new Product("p1", "Näme", new BigDecimal("9.99"), "EUR", "c", "b", "u", "i");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("null", null);
        nested.put("list", Collections.unmodifiableList(Arrays.asList(1, null, "two", List.of(3L))));
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("email", "ann@example.com");
        traits.put("consent", Map.of("email", true, "sms", false));
        traits.put("int", Integer.MIN_VALUE);
        traits.put("long", Long.MAX_VALUE);
        traits.put("double", -0.0);
        traits.put("nan", Double.NaN);
        traits.put("float", 1.5f);
        traits.put("big", new BigInteger("123456789012345678901234567890"));
        traits.put("decimal", new BigDecimal("-1.000"));
        traits.put("nested", nested);
        traits.put("cleared", null);
        List<Event> events = new ArrayList<>();
        events.add(new Identify("i1", "u1", at, traits));
        events.add(new Identify("i2", "u1", at, Map.of()));
        events.add(new CheckoutStarted("c1", "u1", at, "", List.of(new LineItem(product, 3)), new BigDecimal("1")));
        events.add(new CartViewed("c2", "u1", at, "cart-9", List.of()));
        events.add(new OrderCompleted("o1", "u1", at, "o-1", List.of(new LineItem(product, 1)), null, ""));
        for (EngagementType type : EnumSet.allOf(EngagementType.class)) {
            events.add(new Engagement("g" + type, "u1", at, type, "m_1", null));
        }
        events.add(RandomShopLog.generate(3).events().get(0));
        assertThat(decode(encode(events))).isEqualTo(events);
        assertThat(((Identify) decode(encode(events)).get(0)).traits().keySet()).containsExactlyElementsOf(
                traits.keySet());
    }

    @Test
    void shouldRefuseTraitsASnapshotCannotHold() {
        Identify odd = new Identify("i1", "u1", Instant.EPOCH, Map.of("when", Instant.EPOCH));
        assertThatThrownBy(() -> encode(List.of(odd))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trait when holds a java.time.Instant");
    }

    @Test
    void shouldRefuseAnUnknownEventType() {
        byte[] bytes = {1, 42};
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(CorruptSnapshotException.class)
                .hasMessage("corrupt snapshot: unknown event type code 42, reading events[0] > type");
    }
}
