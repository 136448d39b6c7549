package dev.herald.learn.ope.obd;

import dev.herald.learn.ope.DoublyRobust;
import dev.herald.learn.ope.EmpiricalPolicy;
import dev.herald.learn.ope.Estimate;
import dev.herald.learn.ope.InversePropensityScoring;
import dev.herald.learn.ope.LoggedBandit;
import dev.herald.learn.ope.OffPolicyEstimator;
import dev.herald.learn.ope.Policy;
import dev.herald.learn.ope.SelfNormalizedIps;
import dev.herald.learn.ope.ShrunkMeanRewardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The off-policy estimators validated on real logs: the Bernoulli Thompson sampling (BTS) policy's click rate in one
 * Open Bandit campaign, estimated from the uniform random policy's logs, against the click rate BTS's own logs show.
 *
 * <p>
 * BTS is context-free, so its action distribution per position is estimated by the share of each item in that
 * position in its own logs ({@link EmpiricalPolicy}); the mean of its logged propensities would overstate the
 * probabilities of items it chose when it favoured them (they sum to 1.7 to 3.4 per position).
 *
 * <p>
 * A dataset folder is laid out as the Open Bandit Dataset: {@code DIR/random/<campaign>/<campaign>.csv.gz} and
 * {@code DIR/bts/<campaign>/<campaign>.csv.gz} (or {@code .csv}). Immutable and thread-safe.
 */
public final class OpenBanditValidation {

    /** The dataset's campaigns, in the order they are reported. */
    public static final List<String> CAMPAIGNS = List.of("men", "women", "all");

    /** The shrinkage of the doubly robust estimator's reward model, in pseudo-rounds. */
    public static final double PRIOR_STRENGTH = 20;

    private final String campaign;
    private final OpenBanditLog random;
    private final OpenBanditLog thompson;
    private final LoggedBandit randomLogs;
    private final Policy candidate;

    private OpenBanditValidation(String campaign, OpenBanditLog random, OpenBanditLog thompson) {
        this.campaign = campaign;
        this.random = random;
        this.thompson = thompson;
        int items = Math.max(random.itemCount(), thompson.itemCount());
        this.randomLogs = random.toLoggedBandit(items);
        this.candidate = EmpiricalPolicy.fromRounds(thompson.toLoggedBandit(items).rounds(), items);
    }

    /** The validation of one campaign from its two logs. */
    public static OpenBanditValidation of(String campaign, OpenBanditLog random, OpenBanditLog thompson) {
        return new OpenBanditValidation(campaign, random, thompson);
    }

    /**
     * Reads one campaign's two logs from a dataset folder.
     *
     * @throws IllegalArgumentException
     *             if a log is missing or not in the Open Bandit format
     * @throws java.io.UncheckedIOException
     *             if a log cannot be read
     */
    public static OpenBanditValidation read(Path dataset, String campaign) {
        return of(campaign, OpenBanditLog.read(logFile(dataset, "random", campaign)),
                OpenBanditLog.read(logFile(dataset, "bts", campaign)));
    }

    /** The campaigns of {@link #CAMPAIGNS} whose random and BTS logs both exist in the folder, possibly none. */
    public static List<String> campaigns(Path dataset) {
        return CAMPAIGNS.stream()
                .filter(c -> Files.isRegularFile(logFile(dataset, "random", c))
                        && Files.isRegularFile(logFile(dataset, "bts", c)))
                .toList();
    }

    /** {@code DIR/<policy>/<campaign>/<campaign>.csv.gz}, or the {@code .csv} if only that exists. */
    public static Path logFile(Path dataset, String policy, String campaign) {
        Path folder = dataset.resolve(policy).resolve(campaign);
        Path compressed = folder.resolve(campaign + ".csv.gz");
        Path plain = folder.resolve(campaign + ".csv");
        return !Files.exists(compressed) && Files.exists(plain) ? plain : compressed;
    }

    /** IPS, SNIPS and DR with a cross-fitted {@link ShrunkMeanRewardModel}, in that order. */
    public static List<OffPolicyEstimator> estimators() {
        return List.of(new InversePropensityScoring(), new SelfNormalizedIps(),
                DoublyRobust.crossFitted(ShrunkMeanRewardModel.fitter(PRIOR_STRENGTH)));
    }

    /** The estimates of {@link #estimators()} of BTS's click rate from the random logs. */
    public List<Estimate> estimates(double alpha) {
        return estimators().stream().map(e -> e.estimate(randomLogs, candidate, alpha)).toList();
    }

    /** The campaign's name. */
    public String campaign() {
        return campaign;
    }

    /** The uniform random policy's log: the logs the estimates are computed from. */
    public OpenBanditLog random() {
        return random;
    }

    /** BTS's own log: the truth the estimates are compared to. */
    public OpenBanditLog thompson() {
        return thompson;
    }

    /** The random log as bandit rounds over the items of both logs. */
    public LoggedBandit randomLogs() {
        return randomLogs;
    }

    /** BTS's empirical action distribution per position. */
    public Policy candidate() {
        return candidate;
    }

    /** BTS's click rate in its own logs. */
    public double onPolicyClickRate() {
        return thompson.clickRate();
    }

    /** The standard error of {@link #onPolicyClickRate()}: sqrt(p (1 - p) / n). */
    public double onPolicyStandardError() {
        double p = onPolicyClickRate();
        return Math.sqrt(p * (1 - p) / thompson.rows().size());
    }

    /** (estimate - on-policy) / on-policy; infinite or NaN if the on-policy click rate is 0. */
    public double relativeError(Estimate estimate) {
        return (estimate.value() - onPolicyClickRate()) / onPolicyClickRate();
    }

    /** Whether the estimate's confidence interval contains the on-policy click rate. */
    public boolean covered(Estimate estimate) {
        return estimate.covers(onPolicyClickRate());
    }
}
