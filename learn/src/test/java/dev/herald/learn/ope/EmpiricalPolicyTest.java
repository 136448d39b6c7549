package dev.herald.learn.ope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmpiricalPolicyTest {

    @Test
    void shouldGiveEachActionItsShareOfTheRoundsInAContext() {
        List<LoggedRound> rounds = List.of(new LoggedRound("p1", 0, 0, 0.9), new LoggedRound("p1", 0, 1, 0.1),
                new LoggedRound("p1", 2, 0, 0.2), new LoggedRound("p2", 1, 0, 0.5));

        EmpiricalPolicy policy = EmpiricalPolicy.fromRounds(rounds, 3);

        assertThat(policy.probability("p1", 0)).isEqualTo(2.0 / 3);
        assertThat(policy.probability("p1", 1)).isEqualTo(0.0);
        assertThat(policy.probability("p1", 2)).isEqualTo(1.0 / 3);
        assertThat(policy.probability("p2", 1)).isEqualTo(1.0);
        assertThat(policy.probability("p3", 1)).isEqualTo(0.0);
    }
}
