package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Outbox outbox = new Outbox(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("outbox");
    }

    private static OutboxEntry message(String id, Instant due) {
        return OutboxEntry.pending(id, "u1", "cart_abandoned", "email", "marketing", "ann@example.com",
                "{\"subject\": \"Still thinking?\"}", due, due.plus(Duration.ofHours(24)));
    }

    @Test
    void aMessageIdIsEnqueuedOnce() {
        assertThat(outbox.enqueue(message("m_1", T0))).isTrue();
        OutboxEntry other = OutboxEntry.pending("m_1", "u2", "other", "sms", "transactional", "+4915112345678",
                "{}", T0.plusSeconds(5), null);

        assertThat(outbox.enqueue(other)).isFalse();

        OutboxEntry stored = outbox.find("m_1").orElseThrow();
        assertThat(stored.userId()).isEqualTo("u1");
        assertThat(stored.channel()).isEqualTo("email");
        assertThat(stored.kind()).isEqualTo("marketing");
        assertThat(stored.address()).isEqualTo("ann@example.com");
        assertThat(stored.content()).isEqualTo("{\"subject\": \"Still thinking?\"}");
        assertThat(stored.dueAt()).isEqualTo(T0);
        assertThat(stored.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.nextAttemptAt()).isEqualTo(T0);
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.updatedAt()).isEqualTo(stored.createdAt());
        assertThat(outbox.find("m_2")).isEmpty();
    }

    @Test
    void claimDueTakesPendingDueMessagesEarliestFirstAndMarksThemSending() {
        outbox.enqueue(message("m_late", T0.plusSeconds(30)));
        outbox.enqueue(message("m_b", T0.plusSeconds(2)));
        outbox.enqueue(message("m_a", T0.plusSeconds(1)));
        outbox.enqueue(message("m_future", T0.plusSeconds(3_600)));

        List<OutboxEntry> claimed = outbox.claimDue(T0.plusSeconds(60), 2);

        assertThat(claimed).extracting(OutboxEntry::messageId).containsExactly("m_a", "m_b");
        assertThat(claimed).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(outbox.claimDue(T0.plusSeconds(60), 10)).extracting(OutboxEntry::messageId)
                .containsExactly("m_late");
        assertThat(outbox.claimDue(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void twoConcurrentClaimersNeverClaimTheSameMessage() throws Exception {
        int messages = 600;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message("m_" + i, T0.plusMillis(i)));
        }
        Instant now = T0.plusSeconds(10);
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<String>> claimer = () -> {
            start.await();
            List<String> mine = new ArrayList<>();
            while (true) {
                List<OutboxEntry> batch = outbox.claimDue(now, 7);
                if (batch.isEmpty() && outbox.pendingCount() == 0) {
                    return mine;
                }
                batch.forEach(entry -> mine.add(entry.messageId()));
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = threads.submit(claimer);
            Future<List<String>> second = threads.submit(claimer);
            start.countDown();
            List<String> a = first.get();
            List<String> b = second.get();

            Set<String> overlap = new HashSet<>(a);
            overlap.retainAll(b);
            assertThat(overlap).isEmpty();
            assertThat(a).doesNotHaveDuplicates();
            assertThat(b).doesNotHaveDuplicates();
            assertThat(a.size() + b.size()).isEqualTo(messages);
            assertThat(a).isNotEmpty();
            assertThat(b).isNotEmpty();
        } finally {
            threads.shutdownNow();
        }
        assertThat(outbox.countByStatus()).containsExactly(Map.entry("sending", (long) messages));
    }

    @Test
    void aRetryGoesBackToPendingUntilItsNextAttempt() {
        outbox.enqueue(message("m_1", T0));
        outbox.claimDue(T0, 10);

        assertThat(outbox.markRetry("m_1", T0.plusSeconds(30), "429 Too Many Requests")).isTrue();

        OutboxEntry waiting = outbox.find("m_1").orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(waiting.lastError()).isEqualTo("429 Too Many Requests");
        assertThat(outbox.claimDue(T0.plusSeconds(29), 10)).isEmpty();

        List<OutboxEntry> again = outbox.claimDue(T0.plusSeconds(30), 10);
        assertThat(again).singleElement().satisfies(entry -> assertThat(entry.attempts()).isEqualTo(2));

        assertThat(outbox.markSent("m_1", "sg-123", T0.plusSeconds(31))).isTrue();
        OutboxEntry sent = outbox.find("m_1").orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.providerId()).isEqualTo("sg-123");
        assertThat(sent.lastError()).isNull();
        assertThat(sent.updatedAt()).isEqualTo(T0.plusSeconds(31));
    }

    @Test
    void outcomesChangeOnlyMessagesInTheMatchingStatus() {
        outbox.enqueue(message("m_pending", T0));
        outbox.enqueue(message("m_sent", T0));
        outbox.claimDue(T0, 10);
        outbox.markRetry("m_pending", T0.plusSeconds(60), "timeout");
        outbox.markSent("m_sent", "id-1", T0);

        assertThat(outbox.markSent("m_pending", "id-2", T0)).as("not being sent").isFalse();
        assertThat(outbox.markRetry("m_sent", T0, "late")).as("already sent").isFalse();
        assertThat(outbox.markFailed("m_sent", "late")).as("already sent").isFalse();
        assertThat(outbox.markExpired("m_sent", "late")).as("already sent").isFalse();
        assertThat(outbox.markSent("m_missing", "id", T0)).isFalse();

        assertThat(outbox.markExpired("m_pending", "past its expiry")).isTrue();
        OutboxEntry expired = outbox.find("m_pending").orElseThrow();
        assertThat(expired.status()).isEqualTo(OutboxStatus.EXPIRED);
        assertThat(expired.lastError()).isEqualTo("past its expiry");
        assertThat(outbox.markFailed("m_pending", "too late")).as("expired already").isFalse();
    }

    @Test
    void aRejectedMessageFails() {
        outbox.enqueue(message("m_1", T0));
        outbox.claimDue(T0, 1);

        assertThat(outbox.markFailed("m_1", "550 mailbox unavailable")).isTrue();

        assertThat(outbox.find("m_1").orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(outbox.claimDue(T0.plusSeconds(3_600), 10)).isEmpty();
    }

    @Test
    void messagesLeftSendingByACrashBecomeUnknownAndAreNeverClaimedAgain() {
        outbox.enqueue(message("m_1", T0));
        outbox.enqueue(message("m_2", T0));
        outbox.enqueue(message("m_3", T0.plusSeconds(3_600)));
        outbox.claimDue(T0, 10);

        assertThat(outbox.recoverInterrupted()).isEqualTo(2);

        OutboxEntry unknown = outbox.find("m_1").orElseThrow();
        assertThat(unknown.status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(unknown.lastError()).contains("not retried");
        assertThat(outbox.claimDue(T0.plusSeconds(7_200), 10)).extracting(OutboxEntry::messageId)
                .containsExactly("m_3");
        assertThat(outbox.markSent("m_1", "late", T0)).isFalse();
        assertThat(outbox.recoverInterrupted()).isEqualTo(1);
        assertThat(outbox.countByStatus()).containsExactly(Map.entry("unknown", 3L));
    }

    @Test
    void countsAndTheUsersMessages() {
        outbox.enqueue(message("m_1", T0));
        outbox.enqueue(message("m_2", T0.plusSeconds(10)));
        outbox.enqueue(OutboxEntry.pending("m_3", "u2", null, "in_app", "marketing", "", "{}", T0, null));
        outbox.claimDue(T0, 1);

        assertThat(outbox.countByStatus()).containsExactly(Map.entry("pending", 2L),
                Map.entry("sending", 1L));
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.forUser("u1", 10)).extracting(OutboxEntry::messageId).containsExactly("m_2", "m_1");
        assertThat(outbox.forUser("u1", 1)).extracting(OutboxEntry::messageId).containsExactly("m_2");
        assertThat(outbox.forUser("u2", 10)).singleElement().satisfies(entry -> {
            assertThat(entry.triggerId()).isNull();
            assertThat(entry.expiresAt()).isNull();
            assertThat(entry.address()).isEmpty();
        });
    }

    @Test
    void anEntryKnowsWhenItHasExpired() {
        OutboxEntry entry = message("m_1", T0);

        assertThat(entry.isExpired(T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(entry.isExpired(T0.plus(Duration.ofHours(24)))).isTrue();
        assertThat(OutboxEntry.pending("m", "u", null, "sms", "marketing", "+1", "{}", T0, null)
                .isExpired(Instant.MAX)).isFalse();
    }
}
