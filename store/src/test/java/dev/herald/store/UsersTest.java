package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Store store = new Store(SharedDatabase.get());

    @BeforeEach
    void empty() {
        SharedDatabase.truncateAll();
    }

    private void writeEverythingAbout(String userId) {
        store.events().append(List.of(
                StoredEvent.of(userId + "-e1", userId, "product_added", T0, T0, "{}"),
                StoredEvent.of(userId + "-e2", userId, "checkout_started", T0.plusSeconds(5), T0, "{}")));
        store.decisions().upsert(List.of(new DecisionRow("m_" + userId, userId, "cart_abandoned", "scheduled",
                null, "in_app", T0.plusSeconds(3_600), "a", 1, "seed", "[]", null, T0)));
        store.outbox().enqueue(OutboxEntry.pending("m_" + userId, userId, "cart_abandoned", "in_app", "marketing",
                "", "{}", T0.plusSeconds(3_600), null));
        store.engagements().record(List.of(
                EngagementRow.of("m_" + userId, userId, "opened", "in_app", T0.plusSeconds(3_700), null, null),
                EngagementRow.of("m_" + userId, userId, "converted", null, T0.plusSeconds(3_800),
                        new BigDecimal("12.50"), null)));
        store.inbox().add(new InboxItem("m_" + userId, userId, "Title", "Body", null, null,
                T0.plusSeconds(3_600), null));
        store.exposures().record(List.of(new Exposure("cart_copy", userId, "control", T0.plusSeconds(3_600),
                "m_" + userId)));
    }

    @Test
    void exportGathersTheUsersRowsFromEveryTable() {
        writeEverythingAbout("ann");
        writeEverythingAbout("bob");

        UserData ann = store.users().export("ann");

        assertThat(ann.userId()).isEqualTo("ann");
        assertThat(ann.events()).extracting(StoredEvent::messageId).containsExactly("ann-e2", "ann-e1");
        assertThat(ann.decisions()).extracting(DecisionRow::id).containsExactly("m_ann");
        assertThat(ann.outbox()).extracting(OutboxEntry::messageId).containsExactly("m_ann");
        assertThat(ann.engagement()).extracting(EngagementRow::type).containsExactly("converted", "opened");
        assertThat(ann.inbox()).extracting(InboxItem::messageId).containsExactly("m_ann");
        assertThat(ann.exposures()).extracting(Exposure::experiment).containsExactly("cart_copy");
        assertThat(store.users().export("nobody").isEmpty()).isTrue();
    }

    @Test
    void deleteRemovesTheUsersRowsFromEveryTableAndNoOneElses() {
        writeEverythingAbout("ann");
        writeEverythingAbout("bob");

        assertThat(store.users().delete("ann")).isEqualTo(2 + 1 + 1 + 2 + 1 + 1);

        assertThat(store.users().export("ann").isEmpty()).isTrue();
        UserData bob = store.users().export("bob");
        assertThat(bob.events()).hasSize(2);
        assertThat(bob.decisions()).hasSize(1);
        assertThat(bob.outbox()).hasSize(1);
        assertThat(bob.engagement()).hasSize(2);
        assertThat(bob.inbox()).hasSize(1);
        assertThat(bob.exposures()).hasSize(1);
        assertThat(store.users().delete("ann")).isZero();
    }
}
