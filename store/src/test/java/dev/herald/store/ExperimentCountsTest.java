package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Role;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counts of an experiment's arms against a real PostgreSQL, from a hand-built set of exposures, decisions,
 * outbox rows, engagement reports and order events whose expected counts are worked out in the comments.
 */
class ExperimentCountsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Experiment EXPERIMENT = new Experiment("cart_copy", "abandoned_cart", null,
            List.of(Variant.plain("control", 1), new Variant("short", 1, "short", null, Duration.ZERO)), null, 0.2,
            null, null, Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72),
            new Allocation.Fixed());

    private final Store store = new Store(SharedDatabase.get());
    private final List<StoredEvent> events = new ArrayList<>();

    @BeforeEach
    void empty() {
        SharedDatabase.truncateAll();
    }

    private void exposed(String user, String arm) {
        store.exposures().record(List.of(new Exposure("cart_copy", user, arm, T0, "m_" + user)));
    }

    /** A decision in the experiment and its message in the outbox with a status. */
    private void message(String id, String user, String arm, String status) {
        store.decisions().upsert(List.of(new DecisionRow(id, user, "abandoned_cart", "sent", null, "email", T0,
                "default", 1, "seed v1", "[]", null, T0, arm == null ? null : "cart_copy", arm)));
        outbox(id, user, status);
    }

    /** A message in the outbox with a status. */
    private void outbox(String id, String user, String status) {
        store.outbox().enqueue(OutboxEntry.pending(id, user, "abandoned_cart", "email", "marketing", user
                + "@example.com", "{}", T0, null));
        try (Connection connection = SharedDatabase.get().dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE outbox SET status = ? WHERE message_id = ?")) {
            update.setString(1, status);
            update.setString(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(String messageId, String user, String type, int minutes) {
        store.engagements().record(List.of(EngagementRow.of(messageId, user, type, "email",
                T0.plusSeconds(60L * minutes), type.equals("converted") ? new BigDecimal("12") : null,
                type.equals("converted") ? "{\"order\": \"o-" + messageId + "\"}" : null)));
    }

    private void order(String user, Duration after, String properties) {
        events.add(StoredEvent.of("order-" + events.size(), user, "ORDER_COMPLETED", T0.plus(after), T0,
                "{\"type\": \"track\", \"event\": \"Order Completed\", \"userId\": \"" + user
                        + "\", \"properties\": " + properties + "}"));
    }

    private void writeTheExperiment() {
        // Exposed: control c1, c2, c3; short s1, s2; holdout h1, h2.
        List.of("c1", "c2", "c3").forEach(user -> exposed(user, "control"));
        List.of("s1", "s2").forEach(user -> exposed(user, "short"));
        List.of("h1", "h2").forEach(user -> exposed(user, "holdout"));
        exposed("c1", "short"); // a second exposure of c1 is ignored: the first one stays

        // Control: m_c1, m_c1b (c1) and m_c2 sent, m_c3 failed and sent again by SMS (m_c3-sms): 4 sent to 3
        // recipients. Short: m_s1 sent, m_s2 expired. m_x went to c1 outside the experiment and counts nowhere.
        message("m_c1", "c1", "control", "sent");
        message("m_c1b", "c1", "control", "sent");
        message("m_c2", "c2", "control", "sent");
        message("m_c3", "c3", "control", "failed");
        outbox("m_c3-sms", "c3", "sent");
        message("m_s1", "s1", "short", "sent");
        message("m_s2", "s2", "short", "expired");
        message("m_x", "c1", null, "sent");
        store.decisions().upsert(List.of(new DecisionRow("m_h1", "h1", "abandoned_cart", "suppressed", "holdout",
                null, null, null, 0, "seed v1", "[]", null, T0, "cart_copy", "holdout")));

        // Control: delivered m_c1, m_c2, m_c3-sms (3 messages); opened by c1 (three times, two messages) and c2
        // (2 users); clicked by c1 (1); unsubscribed c2 (1). Short: clicked s1 (1), converted via m_s1 (1
        // attributed).
        report("m_c1", "c1", "delivered", 1);
        report("m_c1", "c1", "opened", 5);
        report("m_c1", "c1", "opened", 6);
        report("m_c1", "c1", "clicked", 7);
        report("m_c1b", "c1", "opened", 8);
        report("m_c2", "c2", "delivered", 1);
        report("m_c3-sms", "c3", "delivered", 2);
        report("m_c2", "c2", "opened", 9);
        report("m_c2", "c2", "unsubscribed", 10);
        report("m_s1", "s1", "clicked", 3);
        report("m_s1", "s1", "converted", 30);
        report("m_x", "c1", "opened", 4);

        // Orders within 72 h after exposure: c1 50 (its order after 80 h is too late); c3 30.5 (a total in text)
        // plus 2 x 10 + 5 from its products, 55.5; c2's order came before its exposure. Control: 2 converted,
        // revenue 105.5, squares 50^2 + 55.5^2 = 5580.25. Short: s1 12 at exactly 72 h. Holdout: h1 40, h2 with a
        // revenue that is not a number (converted, 0). A user never exposed does not count.
        order("c1", Duration.ofHours(1), "{\"revenue\": 50}");
        order("c1", Duration.ofHours(80), "{\"revenue\": 999}");
        order("c2", Duration.ofHours(-1), "{\"revenue\": 20}");
        order("c3", Duration.ofHours(2), "{\"total\": \"30.5\"}");
        order("c3", Duration.ofHours(3), "{\"products\": [{\"product_id\": \"p1\", \"price\": 10, \"quantity\": 2},"
                + " {\"product_id\": \"p2\", \"price\": \"5\"}]}");
        order("s1", Duration.ofHours(72), "{\"value\": 12}");
        order("h1", Duration.ofHours(5), "{\"revenue\": 40, \"total\": 41}");
        order("h2", Duration.ofHours(1), "{\"revenue\": \"n/a\"}");
        order("stranger", Duration.ofHours(1), "{\"revenue\": 70}");
        events.add(StoredEvent.of("added-1", "c2", "PRODUCT_ADDED", T0.plusSeconds(60), T0,
                "{\"type\": \"track\", \"event\": \"Product Added\", \"properties\": {\"revenue\": 5}}"));
        store.events().append(events);
    }

    @Test
    void shouldCountEachArmFromExposuresMessagesEngagementAndOrders() {
        writeTheExperiment();

        List<VariantCounts> counts = store.experimentCounts().count(EXPERIMENT);

        assertThat(counts).extracting(VariantCounts::variant).containsExactly("control", "short", "holdout");
        VariantCounts control = counts.get(0);
        assertThat(control.role()).isEqualTo(Role.CONTROL);
        assertThat(control.plannedShare()).isCloseTo(0.4, within(1e-12));
        assertThat(List.of(control.exposed(), control.sent(), control.delivered(), control.recipients(),
                control.opened(), control.clicked(), control.unsubscribed(), control.attributed(),
                control.converted())).containsExactly(3L, 4L, 3L, 3L, 2L, 1L, 1L, 0L, 2L);
        assertThat(control.revenue()).isCloseTo(105.5, within(1e-9));
        assertThat(control.revenueSquares()).isCloseTo(5580.25, within(1e-9));
        assertThat(control.openRate()).hasValue(2.0 / 3);
        assertThat(control.conversionRate()).hasValue(2.0 / 3);

        VariantCounts treatment = counts.get(1);
        assertThat(treatment.role()).isEqualTo(Role.TREATMENT);
        assertThat(List.of(treatment.exposed(), treatment.sent(), treatment.delivered(), treatment.recipients(),
                treatment.opened(), treatment.clicked(), treatment.unsubscribed(), treatment.attributed(),
                treatment.converted())).containsExactly(2L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 1L);
        assertThat(treatment.revenue()).isCloseTo(12, within(1e-9));
        assertThat(treatment.revenueSquares()).isCloseTo(144, within(1e-9));

        VariantCounts holdout = counts.get(2);
        assertThat(holdout.role()).isEqualTo(Role.HOLDOUT);
        assertThat(holdout.plannedShare()).isEqualTo(0.2);
        assertThat(List.of(holdout.exposed(), holdout.sent(), holdout.recipients(), holdout.opened(),
                holdout.converted())).containsExactly(2L, 0L, 0L, 0L, 2L);
        assertThat(holdout.revenue()).isCloseTo(40, within(1e-9));
        assertThat(holdout.revenueSquares()).isCloseTo(1600, within(1e-9));
        assertThat(holdout.openRate()).isEmpty();
        assertThat(holdout.revenuePerUser()).hasValue(20.0);
    }

    @Test
    void shouldCountNothingForAnExperimentWithoutExposures() {
        List<VariantCounts> counts = store.experimentCounts().count(EXPERIMENT);

        assertThat(counts).hasSize(3).allSatisfy(arm -> {
            assertThat(arm.exposed()).isZero();
            assertThat(arm.sent()).isZero();
            assertThat(arm.converted()).isZero();
            assertThat(arm.revenue()).isZero();
            assertThat(arm.conversionRate()).isEmpty();
        });
    }

    @Test
    void shouldKeepTheFirstExposureOfAUser() {
        store.exposures().record(List.of(new Exposure("cart_copy", "u1", "control", T0, "m_1")));
        store.exposures().record(List.of(new Exposure("cart_copy", "u1", "short", T0.plusSeconds(60), "m_2"),
                new Exposure("other", "u1", "a", T0, "m_3")));

        assertThat(store.exposures().find("cart_copy", "u1")).hasValue(new Exposure("cart_copy", "u1", "control",
                T0, "m_1"));
        assertThat(store.exposures().countByVariant("cart_copy")).containsExactly(java.util.Map.entry("control",
                1L));
    }

    @Test
    void shouldKeepADecisionsExperimentWhenItMovesOn() {
        store.decisions().upsert(List.of(new DecisionRow("m_1", "u1", "abandoned_cart", "scheduled", null, "email",
                T0, "short", 1, "seed v1", "[]", null, T0, "cart_copy", "short")));
        store.decisions().upsert(List.of(new DecisionRow("m_1", "u1", "abandoned_cart", "sent", null, "email", T0,
                "short", 1, "seed v1", "[]", "{}", T0.plusSeconds(5))));

        DecisionRow row = store.decisions().find("m_1").orElseThrow();

        assertThat(row.outcome()).isEqualTo("sent");
        assertThat(row.experiment()).isEqualTo("cart_copy");
        assertThat(row.experimentVariant()).isEqualTo("short");
    }
}
