package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final EventLog log = new EventLog(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("events");
    }

    private static StoredEvent event(String messageId, String userId, int second) {
        return StoredEvent.of(messageId, userId, "product_viewed", T0.plusSeconds(second), T0.plusSeconds(60),
                "{\"productId\": \"p" + second + "\"}");
    }

    @Test
    void appendStoresEachMessageIdOnceAndSaysWhichWereNew() {
        assertThat(log.append(List.of(event("a", "u1", 1), event("b", "u1", 2))).fresh()).containsExactly(true, true);

        EventLog.Appended again = log.append(List.of(event("b", "u1", 2), event("c", "u2", 3), event("c", "u2", 3),
                event("a", "u1", 1), event("d", null, 4)));

        assertThat(again.fresh()).containsExactly(false, true, false, false, true);
        List<StoredEvent> read = new ArrayList<>();
        log.readAfter(0, 10, read::add);
        assertThat(read).extracting(StoredEvent::messageId).containsExactly("a", "b", "c", "d");
        assertThat(read).extracting(StoredEvent::seq).isSorted().doesNotHaveDuplicates();
        // a skipped duplicate may use up a seq: seqs increase, with gaps
        assertThat(log.lastSeq()).isEqualTo(read.get(3).seq()).isEqualTo(again.lastSeq());
        assertThat(log.append(List.of(event("a", "u1", 1))).lastSeq()).as("nothing new").isZero();
    }

    @Test
    void anEmptyAppendWritesNothing() {
        assertThat(log.append(List.of()).fresh()).isEmpty();
        assertThat(log.lastSeq()).isZero();
    }

    @Test
    void readsBackWhatWasWritten() {
        log.append(List.of(event("a", "u1", 1), event("price", null, 2)));

        List<StoredEvent> read = new ArrayList<>();
        log.readAfter(0, 1, read::add);

        StoredEvent first = read.get(0);
        assertThat(first.seq()).isPositive();
        assertThat(first.messageId()).isEqualTo("a");
        assertThat(first.userId()).isEqualTo("u1");
        assertThat(first.type()).isEqualTo("product_viewed");
        assertThat(first.eventTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.receivedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(first.payload()).isEqualTo("{\"productId\": \"p1\"}");
        assertThat(read.get(1).userId()).isNull();
    }

    @Test
    void readAfterStreamsTenThousandEventsInSeqOrderBatchByBatch() {
        List<StoredEvent> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(event("e" + i, "u" + (i % 97), i));
            if (batch.size() == 2_500) {
                log.append(batch);
                batch.clear();
            }
        }
        assertThat(log.lastSeq()).isEqualTo(10_000);

        List<Long> seqs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long count = log.readAfter(0, 500, event -> {
            seqs.add(event.seq());
            ids.add(event.messageId());
        });

        assertThat(count).isEqualTo(10_000);
        assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(10_000);
        assertThat(ids.get(0)).isEqualTo("e0");
        assertThat(ids.get(9_999)).isEqualTo("e9999");

        List<Long> tail = new ArrayList<>();
        assertThat(log.readAfter(9_990, 3, event -> tail.add(event.seq()))).isEqualTo(10);
        assertThat(tail).containsExactly(9_991L, 9_992L, 9_993L, 9_994L, 9_995L, 9_996L, 9_997L, 9_998L, 9_999L,
                10_000L);
        assertThat(log.readAfter(10_000, 100, event -> {})).isZero();
    }

    @Test
    void aReaderFollowingConcurrentAppendsMissesNothing() throws Exception {
        int writers = 2;
        int batches = 40;
        int perBatch = 25;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing.add(threads.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<StoredEvent> batch = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            batch.add(event("w" + writer + "-" + b + "-" + i, "u" + writer, i));
                        }
                        log.append(batch);
                    }
                }));
            }
            Set<String> seen = new HashSet<>();
            long[] last = {0};
            while (writing.stream().anyMatch(future -> !future.isDone())) {
                log.readAfter(last[0], 100, event -> {
                    assertThat(event.seq()).isGreaterThan(last[0]);
                    last[0] = event.seq();
                    assertThat(seen.add(event.messageId())).isTrue();
                });
            }
            for (Future<?> future : writing) {
                future.get();
            }
            log.readAfter(last[0], 100, event -> seen.add(event.messageId()));

            assertThat(seen).hasSize(writers * batches * perBatch);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingReaderStopsTheReadAndPassesItsFailureOn() {
        log.append(List.of(event("a", "u1", 1), event("b", "u1", 2)));

        assertThatThrownBy(() -> log.readAfter(0, 1, event -> {
            throw new IllegalStateException("reader broke");
        })).isInstanceOf(IllegalStateException.class).hasMessage("reader broke");
        assertThat(log.lastSeq()).isEqualTo(2);
    }

    @Test
    void forUserListsTheUsersEventsNewestFirst() {
        log.append(List.of(event("a", "u1", 5), event("b", "u2", 6), event("c", "u1", 1), event("d", "u1", 9)));

        assertThat(log.forUser("u1", 10)).extracting(StoredEvent::messageId).containsExactly("d", "a", "c");
        assertThat(log.forUser("u1", 2)).extracting(StoredEvent::messageId).containsExactly("d", "a");
        assertThat(log.forUser("nobody", 10)).isEmpty();
        assertThatThrownBy(() -> log.forUser("u1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidJsonIsRefusedAndNothingOfTheBatchIsStored() {
        StoredEvent broken = StoredEvent.of("x", "u1", "product_viewed", T0, T0, "{not json");

        assertThatThrownBy(() -> log.append(List.of(event("a", "u1", 1), broken)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("append 2 events");
        assertThat(log.lastSeq()).isZero();
    }
}
