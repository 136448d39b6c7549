package dev.herald.app.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.HeraldException;
import dev.herald.learn.ope.Estimate;
import dev.herald.learn.ope.LoggedRound;
import dev.herald.learn.ope.OffPolicyEstimator;
import dev.herald.learn.ope.obd.OpenBanditValidation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald evaluate}: estimates a candidate policy's mean reward from logged decisions (IPS, self-normalised IPS,
 * doubly robust), or validates those estimators on the Open Bandit Dataset. Everything is computed before anything is
 * printed, so a bad file prints only its errors.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimates what a candidate policy would earn from decisions logged under another policy"
                + " (off-policy evaluation: IPS, SNIPS and doubly robust, with standard errors, confidence intervals"
                + " and weight diagnostics).", "",
                "FILE has one JSON object per line (gzip-compressed or not): the context, the logged action, its"
                        + " reward, the logging policy's probability of that action, and the candidate's probability"
                        + " of each action in that context (actions left out have probability 0):",
                "  {\"context\": \"cart:mobile\", \"action\": \"email\", \"reward\": 1, \"propensity\": 0.5,",
                "   \"candidate\": {\"email\": 0.9, \"push\": 0.1}}", "",
                "With --obd, estimates Bernoulli Thompson sampling's click rate from the uniform random policy's"
                        + " logs of the Open Bandit Dataset and compares it to the click rate of its own logs.",
                "", "Examples:", "  herald evaluate decisions.jsonl --alpha 0.1",
                "  herald evaluate --obd samples/obd"})
public final class EvaluateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the logged decisions with the candidate's probabilities (JSON lines, gzip or not)")
    private Path file;

    @Option(names = "--obd", paramLabel = "DIR",
            description = "validate on an Open Bandit Dataset folder (DIR/random/<campaign>/<campaign>.csv.gz and"
                    + " DIR/bts/...), instead of evaluating a FILE")
    private Path obd;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.05",
            description = "one minus the confidence level of the intervals, in (0, 1); default ${DEFAULT-VALUE}"
                    + " (95%% intervals)")
    private double alpha;

    @Option(names = "--json", description = "print the results as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(alpha > 0 && alpha < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--alpha must be in (0, 1), e.g. 0.05 for 95% intervals; got " + alpha);
        }
        if ((file == null) == (obd == null)) {
            throw new ParameterException(spec.commandLine(), file == null
                    ? "give a FILE of logged decisions, or --obd DIR (see herald evaluate --help)"
                    : "give either a FILE or --obd DIR, not both");
        }
        String text = file != null ? evaluateFile() : validateOnOpenBandit();
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }

    private String evaluateFile() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "FILE: cannot read " + file.toAbsolutePath());
        }
        DecisionFile decisions = DecisionFile.read(file);
        List<Estimate> estimates = new ArrayList<>();
        for (OffPolicyEstimator estimator : OpenBanditValidation.estimators()) {
            try {
                estimates.add(estimator.estimate(decisions.logs(), decisions.candidate(), alpha));
            } catch (IllegalArgumentException e) {
                throw new HeraldException(decisions.source() + ": " + estimator.name() + " cannot estimate: "
                        + e.getMessage(), e);
            }
        }
        double[] rewards = decisions.logs().rounds().stream().mapToDouble(LoggedRound::reward).toArray();
        double loggedMean = mean(rewards);
        double loggedError = Math.sqrt(variance(rewards, loggedMean) / rewards.length);
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("file", decisions.source());
            root.put("decisions", decisions.logs().size());
            root.put("actions", decisions.actions().size());
            root.put("confidenceLevel", 1 - alpha);
            ObjectNode logged = root.putObject("loggedPolicy");
            logged.put("meanReward", loggedMean);
            logged.put("standardError", loggedError);
            estimates.forEach(e -> json(root.withArray("estimates"), e));
            return JSON.writeValueAsString(root) + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d logged decisions over %d actions; %s intervals%n",
                decisions.source(), decisions.logs().size(), decisions.actions().size(), level()));
        text.append(String.format(Locale.ROOT, "logged policy's own mean reward: %.5f (SE %.5f)%n%n", loggedMean,
                loggedError));
        text.append(String.format(Locale.ROOT, "%-9s %10s %10s  %-24s %10s %10s%n", "estimator", "estimate", "SE",
                level() + " CI", "ESS", "max weight"));
        for (Estimate e : estimates) {
            text.append(String.format(Locale.ROOT, "%-9s %10.5f %10.5f  %-24s %10.1f %10.2f%n", e.estimator(),
                    e.value(), e.standardError(), interval(e), e.effectiveSampleSize(), e.maxWeight()));
        }
        return text.toString();
    }

    private String validateOnOpenBandit() throws Exception {
        if (!Files.isDirectory(obd)) {
            throw new ParameterException(spec.commandLine(), "--obd: no folder " + obd.toAbsolutePath());
        }
        List<String> campaigns = OpenBanditValidation.campaigns(obd);
        if (campaigns.isEmpty()) {
            throw new HeraldException(obd + ": no campaign with both logs; expected " + OpenBanditValidation
                    .logFile(obd, "random", "men") + " and " + OpenBanditValidation.logFile(obd, "bts", "men")
                    + " (campaigns " + OpenBanditValidation.CAMPAIGNS + ")");
        }
        List<OpenBanditValidation> validations = new ArrayList<>();
        List<List<Estimate>> estimates = new ArrayList<>();
        for (String campaign : campaigns) {
            try {
                OpenBanditValidation validation = OpenBanditValidation.read(obd, campaign);
                validations.add(validation);
                estimates.add(validation.estimates(alpha));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new HeraldException(obd + ": campaign " + campaign + ": " + e.getMessage(), e);
            }
        }
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("dataset", obd.toString());
            root.put("confidenceLevel", 1 - alpha);
            ArrayNode campaignNodes = root.putArray("campaigns");
            for (int i = 0; i < validations.size(); i++) {
                OpenBanditValidation validation = validations.get(i);
                ObjectNode node = campaignNodes.addObject();
                node.put("campaign", validation.campaign());
                node.put("onPolicyClickRate", validation.onPolicyClickRate());
                node.put("onPolicyStandardError", validation.onPolicyStandardError());
                node.put("onPolicyImpressions", validation.thompson().rows().size());
                node.put("randomClickRate", validation.random().clickRate());
                node.put("randomImpressions", validation.random().rows().size());
                for (Estimate e : estimates.get(i)) {
                    ObjectNode estimate = json(node.withArray("estimates"), e);
                    estimate.put("relativeError", validation.relativeError(e));
                    estimate.put("covered", validation.covered(e));
                }
            }
            return JSON.writeValueAsString(root) + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Open Bandit Dataset in %s: Bernoulli Thompson sampling's click rate,"
                + " estimated from the uniform random policy's logs; %s intervals%n", obd, level()));
        for (int i = 0; i < validations.size(); i++) {
            OpenBanditValidation v = validations.get(i);
            text.append(String.format(Locale.ROOT, "%n%s: BTS on-policy click rate %.5f (SE %.5f, %d impressions);"
                    + " random policy's own %.5f (%d impressions)%n", v.campaign(), v.onPolicyClickRate(),
                    v.onPolicyStandardError(), v.thompson().rows().size(), v.random().clickRate(),
                    v.random().rows().size()));
            text.append(String.format(Locale.ROOT, "%-9s %10s %10s  %-24s %8s %8s %10s %10s%n", "estimator",
                    "estimate", "SE", level() + " CI", "rel.err", "covered", "ESS", "max weight"));
            for (Estimate e : estimates.get(i)) {
                text.append(String.format(Locale.ROOT, "%-9s %10.5f %10.5f  %-24s %+7.1f%% %8s %10.1f %10.2f%n",
                        e.estimator(), e.value(), e.standardError(), interval(e), 100 * v.relativeError(e),
                        v.covered(e) ? "yes" : "no", e.effectiveSampleSize(), e.maxWeight()));
            }
        }
        return text.toString();
    }

    private static ObjectNode json(ArrayNode estimates, Estimate e) {
        ObjectNode node = estimates.addObject();
        node.put("estimator", e.estimator());
        node.put("estimate", e.value());
        node.put("standardError", e.standardError());
        node.put("lower", e.lower());
        node.put("upper", e.upper());
        node.put("effectiveSampleSize", e.effectiveSampleSize());
        node.put("maxWeight", e.maxWeight());
        return node;
    }

    private String level() {
        double percent = 100 * (1 - alpha);
        return (percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%.1f", percent)) + "%";
    }

    private static String interval(Estimate e) {
        return String.format(Locale.ROOT, "[%.5f, %.5f]", e.lower(), e.upper());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }
}
