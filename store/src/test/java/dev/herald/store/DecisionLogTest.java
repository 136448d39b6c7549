package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final DecisionLog log = new DecisionLog(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("decisions");
    }

    private static DecisionRow scheduled(String id, String userId, String trigger, int second) {
        return new DecisionRow(id, userId, trigger, "scheduled", null, "email", T0.plusSeconds(3_600), "b", 0.25,
                "seed", "[{\"stage\": \"policy\"}]", null, T0.plusSeconds(second));
    }

    @Test
    void upsertInsertsThenUpdatesById() {
        log.upsert(List.of(scheduled("m_1", "u1", "cart_abandoned", 1)));
        DecisionRow written = new DecisionRow("m_1", "u1", "cart_abandoned", "scheduled", null, "email",
                T0.plusSeconds(3_600), "b", 0.25, "seed", "[{\"stage\": \"policy\"}]",
                "{\"subject\": \"Your cart\"}", T0.plusSeconds(2));
        log.upsert(List.of(written));
        DecisionRow sent = new DecisionRow("m_1", "u1", "cart_abandoned", "sent", null, "email",
                T0.plusSeconds(3_600), "b", 0.25, "seed", "[{\"stage\": \"policy\"}, {\"stage\": \"send\"}]", null,
                T0.plusSeconds(3_601));

        log.upsert(List.of(sent));

        DecisionRow stored = log.find("m_1").orElseThrow();
        assertThat(stored.outcome()).isEqualTo("sent");
        assertThat(stored.trace()).isEqualTo("[{\"stage\": \"policy\"}, {\"stage\": \"send\"}]");
        assertThat(stored.content()).as("kept from before").isEqualTo("{\"subject\": \"Your cart\"}");
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(3_601));
        assertThat(stored.propensity()).isEqualTo(0.25);
        assertThat(stored.variant()).isEqualTo("b");
        assertThat(stored.policy()).isEqualTo("seed");
        assertThat(stored.sendAt()).isEqualTo(T0.plusSeconds(3_600));
        assertThat(log.find("m_2")).isEmpty();
    }

    @Test
    void aSuppressedDecisionKeepsItsReasonAndNoChannel() {
        DecisionRow suppressed = new DecisionRow("m_9", "u1", "browse_abandoned", "suppressed", "frequency_cap",
                null, null, null, 0, "", "[]", null, T0);

        log.upsert(List.of(suppressed));

        assertThat(log.find("m_9")).contains(suppressed);
    }

    @Test
    void theSameIdTwiceInOneBatchKeepsTheLast() {
        log.upsert(List.of(scheduled("m_1", "u1", "t", 1), new DecisionRow("m_1", "u1", "t", "cancelled",
                "order_completed", "email", null, null, 0.25, "seed", "[]", null, T0.plusSeconds(5))));

        assertThat(log.find("m_1").orElseThrow().outcome()).isEqualTo("cancelled");
    }

    @Test
    void recentFiltersByTriggerAndOutcome() {
        log.upsert(List.of(
                scheduled("m_1", "u1", "cart_abandoned", 1),
                scheduled("m_2", "u2", "browse_abandoned", 2),
                scheduled("m_3", "u1", "cart_abandoned", 3),
                new DecisionRow("m_4", "u3", "cart_abandoned", "suppressed", "quiet_hours", null, null, null, 0,
                        "", "[]", null, T0.plusSeconds(4))));

        assertThat(log.recent(10, Optional.empty(), Optional.empty())).extracting(DecisionRow::id)
                .containsExactly("m_4", "m_3", "m_2", "m_1");
        assertThat(log.recent(2, Optional.empty(), Optional.empty())).extracting(DecisionRow::id)
                .containsExactly("m_4", "m_3");
        assertThat(log.recent(10, Optional.of("cart_abandoned"), Optional.empty())).extracting(DecisionRow::id)
                .containsExactly("m_4", "m_3", "m_1");
        assertThat(log.recent(10, Optional.of("cart_abandoned"), Optional.of("scheduled")))
                .extracting(DecisionRow::id).containsExactly("m_3", "m_1");
        assertThat(log.recent(10, Optional.empty(), Optional.of("suppressed"))).extracting(DecisionRow::id)
                .containsExactly("m_4");
        assertThat(log.forUser("u1", 10)).extracting(DecisionRow::id).containsExactly("m_3", "m_1");
    }
}
