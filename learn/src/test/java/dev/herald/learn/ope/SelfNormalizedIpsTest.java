package dev.herald.learn.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SelfNormalizedIpsTest {

    @Test
    void shouldBeInvariantToACommonScaleOfTheWeightsWhileIpsIsNot() {
        double[][] halved = new double[SyntheticBandit.LOGGING.length][];
        for (int x = 0; x < halved.length; x++) {
            halved[x] = SyntheticBandit.LOGGING[x].clone();
            for (int a = 0; a < halved[x].length; a++) {
                halved[x][a] /= 2;
            }
        }
        LoggedBandit logs = SyntheticBandit.logs(42, 2_000);
        LoggedBandit doubledWeights = SyntheticBandit.logs(42, 2_000, halved);

        Estimate snips = new SelfNormalizedIps().estimate(logs, SyntheticBandit.CANDIDATE_POLICY, 0.05);
        Estimate snipsDoubled = new SelfNormalizedIps().estimate(doubledWeights, SyntheticBandit.CANDIDATE_POLICY,
                0.05);
        Estimate ips = new InversePropensityScoring().estimate(logs, SyntheticBandit.CANDIDATE_POLICY, 0.05);
        Estimate ipsDoubled = new InversePropensityScoring().estimate(doubledWeights,
                SyntheticBandit.CANDIDATE_POLICY, 0.05);

        assertThat(snipsDoubled.value()).isCloseTo(snips.value(), within(1e-12));
        assertThat(snipsDoubled.standardError()).isCloseTo(snips.standardError(), within(1e-12));
        assertThat(ipsDoubled.value()).isCloseTo(2 * ips.value(), within(1e-12));
        assertThat(snipsDoubled.effectiveSampleSize()).isCloseTo(snips.effectiveSampleSize(), within(1e-6));
        assertThat(snipsDoubled.maxWeight()).isCloseTo(2 * snips.maxWeight(), within(1e-12));
    }

    @Test
    void shouldEqualTheLoggedMeanWhenTheCandidateIsTheLoggingPolicy() {
        LoggedBandit logs = SyntheticBandit.logs(3, 1_000);
        Policy logging = (context, action) -> SyntheticBandit.LOGGING[SyntheticBandit.index(context)][action];
        double loggedMean = logs.rounds().stream().mapToDouble(LoggedRound::reward).average().orElseThrow();

        Estimate snips = new SelfNormalizedIps().estimate(logs, logging, 0.05);
        Estimate ips = new InversePropensityScoring().estimate(logs, logging, 0.05);

        assertThat(snips.value()).isCloseTo(loggedMean, within(1e-12));
        assertThat(ips.value()).isCloseTo(loggedMean, within(1e-12));
        assertThat(snips.effectiveSampleSize()).isCloseTo(1_000, within(1e-6));
        assertThat(snips.maxWeight()).isCloseTo(1, within(1e-12));
    }
}
