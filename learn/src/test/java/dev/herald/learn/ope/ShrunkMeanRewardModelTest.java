package dev.herald.learn.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrunkMeanRewardModelTest {

    private static final List<LoggedRound> ROUNDS = List.of(new LoggedRound("a", 0, 1, 0.5),
            new LoggedRound("a", 0, 1, 0.5), new LoggedRound("b", 0, 0, 0.5), new LoggedRound("b", 1, 0, 0.5));

    @Test
    void shouldShrinkCellMeansTowardTheActionMeanAndThatTowardTheOverallMean() {
        ShrunkMeanRewardModel model = ShrunkMeanRewardModel.fit(ROUNDS, 2, 1);

        // m = 0.5; m(0) = (2 + 0.5) / (3 + 1) = 0.625; q(a, 0) = (2 + 0.625) / (2 + 1) = 0.875.
        assertThat(model.predict("a", 0)).isCloseTo(0.875, within(1e-12));
        // m(1) = (0 + 0.5) / (1 + 1) = 0.25; action 1 never logged in context a: q(a, 1) = m(1).
        assertThat(model.predict("a", 1)).isCloseTo(0.25, within(1e-12));
        // A context never seen falls back to the action mean.
        assertThat(model.predict("unseen", 0)).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void shouldGiveRawMeansWithoutShrinkage() {
        ShrunkMeanRewardModel model = ShrunkMeanRewardModel.fit(ROUNDS, 2, 0);

        assertThat(model.predict("a", 0)).isEqualTo(1.0);
        assertThat(model.predict("b", 0)).isEqualTo(0.0);
    }
}
