package dev.herald.learn.ope;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final Policy UNIFORM = (context, action) -> 0.5;

    @Test
    void shouldRefuseAZeroPropensity() {
        assertThatThrownBy(() -> new LoggedRound("x", 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logging propensity of action 1 in context 'x' must be in (0, 1], got 0.0");
    }

    @Test
    void shouldRefuseAPropensityAboveOne() {
        assertThatThrownBy(() -> new LoggedRound("x", 0, 1, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1.5");
    }

    @Test
    void shouldRefuseANanPropensityOrReward() {
        assertThatThrownBy(() -> new LoggedRound("x", 0, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new LoggedRound("x", 0, Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reward");
    }

    @Test
    void shouldRefuseEmptyLogs() {
        assertThatThrownBy(() -> new LoggedBandit(2, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the logs are empty");
    }

    @Test
    void shouldRefuseAnActionOutOfRange() {
        List<LoggedRound> rounds = List.of(new LoggedRound("x", 0, 1, 0.5), new LoggedRound("x", 2, 0, 0.5));

        assertThatThrownBy(() -> new LoggedBandit(2, rounds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round 1: action 2 is out of range; actions are 0..1");
    }

    @Test
    void shouldRefuseACandidateProbabilityOutsideTheUnitInterval() {
        LoggedBandit logs = twoRounds();

        assertThatThrownBy(() -> new InversePropensityScoring().estimate(logs, (context, action) -> 1.2, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the candidate policy gave probability 1.2 to action 0 in context 'x'");
    }

    @Test
    void shouldRefuseACandidateWhoseProbabilitiesDoNotSumToOneForDoublyRobust() {
        LoggedBandit logs = twoRounds();

        assertThatThrownBy(() -> DoublyRobust.withModel((context, action) -> 0).estimate(logs,
                (context, action) -> 0.3, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to 0.6");
    }

    @Test
    void shouldRefuseAnAlphaOutsideZeroOne() {
        LoggedBandit logs = twoRounds();

        assertThatThrownBy(() -> new SelfNormalizedIps().estimate(logs, UNIFORM, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha must be in (0, 1)");
    }

    @Test
    void shouldRefuseSnipsWhenTheCandidateNeverTakesALoggedAction() {
        LoggedBandit logs = twoRounds();

        assertThatThrownBy(() -> new SelfNormalizedIps().estimate(logs, (context, action) -> action == 1 ? 1 : 0,
                0.05)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability 0");
    }

    private static LoggedBandit twoRounds() {
        return new LoggedBandit(2, List.of(new LoggedRound("x", 0, 1, 0.5), new LoggedRound("x", 0, 0, 0.5)));
    }
}
