package dev.herald.learn.ope.obd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.learn.ope.DoublyRobust;
import dev.herald.learn.ope.EmpiricalPolicy;
import dev.herald.learn.ope.Estimate;
import dev.herald.learn.ope.InversePropensityScoring;
import dev.herald.learn.ope.LoggedBandit;
import dev.herald.learn.ope.LoggedRound;
import dev.herald.learn.ope.OffPolicyEstimator;
import dev.herald.learn.ope.Policy;
import dev.herald.learn.ope.SelfNormalizedIps;
import dev.herald.learn.ope.ShrunkMeanRewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation on real logs: the Bernoulli Thompson sampling (BTS) policy's click rate in ZOZOTOWN, estimated from the
 * uniform random policy's logs, against the click rate BTS's own logs show. Prints the table recorded in
 * docs/LEARNING.md.
 *
 * <p>
 * BTS is context-free, so its action distribution per position is estimated by the share of each item in that
 * position in its own logs ({@link EmpiricalPolicy}); the mean of its logged propensities would overstate the
 * probabilities of items it chose when it favoured them (they sum to 1.7 to 3.4 per position).
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

    @ParameterizedTest
    @ValueSource(strings = {"men", "women"})
    void shouldEstimateTheThompsonSamplingClickRateFromRandomLogs(String campaign) {
        OpenBanditLog random = OpenBanditSample.read("random", campaign);
        OpenBanditLog thompson = OpenBanditSample.read("bts", campaign);
        int items = Math.max(random.itemCount(), thompson.itemCount());
        LoggedBandit randomLogs = random.toLoggedBandit(items);
        Policy candidate = EmpiricalPolicy.fromRounds(thompson.toLoggedBandit(items).rounds(), items);
        double onPolicy = thompson.clickRate();
        double onPolicyError = Math.sqrt(onPolicy * (1 - onPolicy) / thompson.rows().size());

        List<OffPolicyEstimator> estimators = List.of(new InversePropensityScoring(), new SelfNormalizedIps(),
                DoublyRobust.crossFitted(ShrunkMeanRewardModel.fitter(20)));
        List<Estimate> estimates = estimators.stream().map(e -> e.estimate(randomLogs, candidate, ALPHA)).toList();
        Estimate ignoringPropensities = new InversePropensityScoring().estimate(withPropensityOne(randomLogs),
                candidate, ALPHA);

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
