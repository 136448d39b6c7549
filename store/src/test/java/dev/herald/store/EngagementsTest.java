package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngagementsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Engagements engagements = new Engagements(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("engagement");
    }

    @Test
    void everyReportIsKeptRepeatedOpensToo() {
        engagements.record(List.of(
                EngagementRow.of("m_1", "u1", "delivered", "email", T0, null, null),
                EngagementRow.of("m_1", "u1", "opened", "email", T0.plusSeconds(60), null, null),
                EngagementRow.of("m_1", "u1", "opened", "email", T0.plusSeconds(60), null, null),
                EngagementRow.of("m_1", "u1", "clicked", "email", T0.plusSeconds(90), null,
                        "{\"url\": \"https://shop.example/cart\"}"),
                EngagementRow.of("m_1", "u1", "converted", null, T0.plusSeconds(600), new BigDecimal("59.90"),
                        null),
                EngagementRow.of("m_2", "u2", "bounced", "email", T0.plusSeconds(5), null,
                        "{\"reason\": \"550\"}")));

        List<EngagementRow> history = engagements.forMessage("m_1");

        assertThat(history).extracting(EngagementRow::type).containsExactly("delivered", "opened", "opened",
                "clicked", "converted");
        assertThat(history).extracting(EngagementRow::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(history.get(3).detail()).isEqualTo("{\"url\": \"https://shop.example/cart\"}");
        assertThat(history.get(4).revenue()).isEqualByComparingTo("59.90");
        assertThat(history.get(4).channel()).isNull();
        assertThat(engagements.countByType()).containsExactly(Map.entry("bounced", 1L), Map.entry("clicked", 1L),
                Map.entry("converted", 1L), Map.entry("delivered", 1L), Map.entry("opened", 2L));
        assertThat(engagements.forUser("u1", 2)).extracting(EngagementRow::type).containsExactly("converted",
                "clicked");
        assertThat(engagements.forUser("u2", 10)).singleElement()
                .satisfies(row -> assertThat(row.messageId()).isEqualTo("m_2"));
        assertThat(engagements.forMessage("m_3")).isEmpty();
    }
}
