package dev.herald.learn.ope.obd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.learn.ope.Estimate;
import dev.herald.learn.ope.InversePropensityScoring;
import dev.herald.learn.ope.LoggedBandit;
import dev.herald.learn.ope.LoggedRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation on real logs ({@link OpenBanditValidation}): the Bernoulli Thompson sampling (BTS) policy's click rate in
 * ZOZOTOWN, estimated from the uniform random policy's logs, against the click rate BTS's own logs show. Prints the
 * table recorded in docs/LEARNING.md.
 *
 * <p>
 * Tolerance: the estimate and the on-policy click rate come from different logs, so their difference has standard
 * error sqrt(SE_estimate^2 + SE_onPolicy^2), with SE_onPolicy = sqrt(p (1 - p) / n). A right estimator lands within
 * 3 of those (two-sided 0.27% each; under 2% for all six checks together). With about 50 clicks per log this is about
 * +-60% of the click rate: the sample cannot tell much more. To show the check can fail, an IPS that ignores the
 * logged propensities (weights pi_e instead of pi_e / pi_b) must land outside it.
 */
class OpenBanditValidationTest {

    private static final double ALPHA = 0.05;
    private static final double TOLERANCE_IN_STANDARD_ERRORS = 3;

    @Test
    void shouldFindTheCampaignsOfTheSampleFolder() {
        assertThat(OpenBanditValidation.campaigns(OpenBanditSample.FOLDER)).containsExactly("men", "women");
    }

    @ParameterizedTest
    @ValueSource(strings = {"men", "women"})
    void shouldEstimateTheThompsonSamplingClickRateFromRandomLogs(String campaign) {
        OpenBanditValidation validation = OpenBanditValidation.of(campaign,
                OpenBanditSample.read("random", campaign), OpenBanditSample.read("bts", campaign));
        OpenBanditLog random = validation.random();
        int items = validation.randomLogs().actionCount();
        double onPolicy = validation.onPolicyClickRate();
        double onPolicyError = validation.onPolicyStandardError();

        List<Estimate> estimates = validation.estimates(ALPHA);
        Estimate ignoringPropensities = new InversePropensityScoring()
                .estimate(withPropensityOne(validation.randomLogs()), validation.candidate(), ALPHA);

        print(campaign, random, onPolicy, onPolicyError, estimates);
        assertThat(random.rows()).allSatisfy(row -> assertThat(row.propensity()).isEqualTo(1.0 / items));
        for (Estimate estimate : estimates) {
            assertThat(Math.abs(estimate.value() - onPolicy)).as("%s %s vs on-policy %.5f", campaign, estimate,
                    onPolicy).isLessThanOrEqualTo(tolerance(estimate, onPolicyError));
        }
        assertThat(Math.abs(ignoringPropensities.value() - onPolicy))
                .isGreaterThan(tolerance(ignoringPropensities, onPolicyError));
    }

    private static double tolerance(Estimate estimate, double onPolicyError) {
        return TOLERANCE_IN_STANDARD_ERRORS
                * Math.sqrt(estimate.standardError() * estimate.standardError() + onPolicyError * onPolicyError);
    }

    private static LoggedBandit withPropensityOne(LoggedBandit logs) {
        List<LoggedRound> rounds = new ArrayList<>();
        for (LoggedRound round : logs.rounds()) {
            rounds.add(new LoggedRound(round.context(), round.action(), round.reward(), 1));
        }
        return new LoggedBandit(logs.actionCount(), rounds);
    }

    private static void print(String campaign, OpenBanditLog random, double onPolicy, double onPolicyError,
            List<Estimate> estimates) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nOBD %s: BTS on-policy click rate %.5f (SE %.5f); random policy's"
                + " own %.5f%n", campaign, onPolicy, onPolicyError, random.clickRate()));
        table.append("| campaign | estimator | estimate | SE | 95% CI | relative error | CI covers on-policy | ESS"
                + " | max weight |\n");
        for (Estimate e : estimates) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.5f | %.5f | [%.5f, %.5f] | %+.1f%% | %s | %.0f |"
                    + " %.2f |%n", campaign, e.estimator(), e.value(), e.standardError(), e.lower(), e.upper(),
                    100 * (e.value() - onPolicy) / onPolicy, e.covers(onPolicy) ? "yes" : "no",
                    e.effectiveSampleSize(), e.maxWeight()));
        }
        System.out.print(table);
    }
}
