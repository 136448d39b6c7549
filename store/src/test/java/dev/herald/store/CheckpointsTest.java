package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Checkpoints checkpoints = new Checkpoints(SharedDatabase.get().dataSource());

    @BeforeEach
    void empty() {
        SharedDatabase.truncate("checkpoints");
    }

    @Test
    void noCheckpointAtFirst() {
        assertThat(checkpoints.latest()).isEmpty();
    }

    @Test
    void keepsTheNewestTwo() throws SQLException {
        byte[] big = new byte[3_000_000];
        new Random(7).nextBytes(big);

        checkpoints.save(10, T0, new byte[] {1});
        checkpoints.save(20, T0.plusSeconds(60), new byte[] {2});
        checkpoints.save(30, null, big);

        Checkpoint latest = checkpoints.latest().orElseThrow();
        assertThat(latest.eventSeq()).isEqualTo(30);
        assertThat(latest.engineTime()).isNull();
        assertThat(latest.state()).isEqualTo(big);
        assertThat(latest.writtenAt()).isNotNull();
        assertThat(latest.toString()).contains("3000000 bytes");
        assertThat(eventSeqsStored()).isEqualTo("20,30");
    }

    private static String eventSeqsStored() throws SQLException {
        try (Connection connection = SharedDatabase.get().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement
                        .executeQuery("SELECT string_agg(event_seq::text, ',' ORDER BY id) FROM checkpoints")) {
            row.next();
            return row.getString(1);
        }
    }
}
