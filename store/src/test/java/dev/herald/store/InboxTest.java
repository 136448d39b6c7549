package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Inbox inbox = new Inbox(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("inbox");
    }

    private static InboxItem item(String id, String userId, int second) {
        return new InboxItem(id, userId, "Your cart misses you", "**2 items** wait for you", "Back to cart",
                "https://shop.example/cart", T0.plusSeconds(second), null);
    }

    @Test
    void addingIsIdempotent() {
        assertThat(inbox.add(item("m_1", "u1", 1))).isTrue();
        assertThat(inbox.add(item("m_1", "u1", 99))).isFalse();

        assertThat(inbox.list("u1", false, 10)).containsExactly(item("m_1", "u1", 1));
    }

    @Test
    void listsNewestFirstAndMarksRead() {
        inbox.add(item("m_1", "u1", 1));
        inbox.add(item("m_2", "u1", 2));
        inbox.add(item("m_3", "u1", 3));
        inbox.add(item("m_4", "u2", 4));

        assertThat(inbox.markRead("u1", "m_2", T0.plusSeconds(100))).isTrue();
        assertThat(inbox.markRead("u1", "m_2", T0.plusSeconds(200))).as("read again").isTrue();
        assertThat(inbox.markRead("u2", "m_1", T0)).as("someone else's").isFalse();
        assertThat(inbox.markRead("u1", "m_9", T0)).as("no such message").isFalse();

        assertThat(inbox.list("u1", false, 10)).extracting(InboxItem::messageId).containsExactly("m_3", "m_2",
                "m_1");
        assertThat(inbox.list("u1", true, 10)).extracting(InboxItem::messageId).containsExactly("m_3", "m_1");
        assertThat(inbox.list("u1", false, 1)).extracting(InboxItem::messageId).containsExactly("m_3");
        InboxItem read = inbox.list("u1", false, 10).get(1);
        assertThat(read.isRead()).isTrue();
        assertThat(read.readAt()).as("the first read").isEqualTo(T0.plusSeconds(100));
        assertThat(inbox.list("u3", false, 10)).isEmpty();
    }
}
