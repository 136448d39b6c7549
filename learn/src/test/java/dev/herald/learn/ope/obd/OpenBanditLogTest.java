package dev.herald.learn.ope.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.learn.ope.LoggedBandit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenBanditLogTest {

    @Test
    void shouldReadTheRandomMenLogWithUniformPropensitiesPerPosition() {
        OpenBanditLog log = OpenBanditSample.read("random", "men");

        assertThat(log.rows()).hasSize(10_000);
        assertThat(log.itemCount()).isEqualTo(34);
        assertThat(log.rows().stream().mapToInt(OpenBanditRow::click).sum()).isEqualTo(46);
        assertThat(log.rows()).allSatisfy(row -> assertThat(row.propensity()).isEqualTo(1.0 / 34));
        assertThat(log.rows()).allSatisfy(row -> assertThat(row.position()).isBetween(1, 3));
    }

    @Test
    void shouldTurnRowsIntoRoundsWithThePositionAsContextAndTheItemAsAction() {
        OpenBanditLog log = OpenBanditSample.read("random", "women");

        LoggedBandit logs = log.toLoggedBandit(log.itemCount());

        assertThat(logs.actionCount()).isEqualTo(46);
        assertThat(logs.rounds().get(0).context()).isEqualTo(OpenBanditLog.context(log.rows().get(0).position()));
        assertThat(logs.rounds().get(0).action()).isEqualTo(log.rows().get(0).item());
    }

    @Test
    void shouldRefuseAFileThatIsNotInTheOpenBanditFormat() {
        byte[] csv = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OpenBanditLog.read(new ByteArrayInputStream(csv), "x.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected column 2 to be 'timestamp'");
    }
}
