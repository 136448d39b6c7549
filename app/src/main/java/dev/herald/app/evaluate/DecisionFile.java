package dev.herald.app.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.importer.InputFiles;
import dev.herald.learn.ope.LoggedBandit;
import dev.herald.learn.ope.LoggedRound;
import dev.herald.learn.ope.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of logged decisions with a candidate policy's probabilities, the input of {@code herald evaluate FILE}.
 *
 * <p>
 * JSON lines (gzip-compressed or not: told by its first bytes), one decision a line:
 *
 * <pre>
 * {"context": "cart:mobile", "action": "email", "reward": 1.0, "propensity": 0.25,
 *  "candidate": {"email": 0.7, "push": 0.3}}
 * </pre>
 *
 * {@code propensity} is the probability the logging policy gave the logged action, in (0, 1]; {@code candidate} is
 * the candidate policy's whole action distribution in that context (probabilities in [0, 1] summing to 1; an action
 * left out has probability 0). A context is a key: every line of one context must carry the same candidate
 * distribution. Actions are strings, numbered in order of first appearance. Blank lines are skipped.
 *
 * @param source
 *            the file's name, for messages
 * @param actions
 *            the action names, by index
 * @param logs
 *            the logged decisions as bandit rounds
 * @param candidate
 *            the candidate policy the lines describe
 */
public record DecisionFile(String source, List<String> actions, LoggedBandit logs, Policy candidate) {

    /** How far a candidate's probabilities may sum from 1, and two lines' probabilities of one context differ. */
    static final double TOLERANCE = 1e-6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED_PROBLEMS = 20;

    public DecisionFile {
        actions = List.copyOf(actions);
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws DecisionFileException
     *             listing every bad line with its number and field, or if the file cannot be read or has fewer than 2
     *             decisions
     */
    public static DecisionFile read(Path file) {
        String source = file.toString();
        try (InputStream in = InputFiles.open(file)) {
            return read(in, source);
        } catch (IOException e) {
            throw new DecisionFileException(source + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Reads decisions from an uncompressed stream; {@code source} names it in messages. */
    public static DecisionFile read(InputStream in, String source) throws IOException {
        Reader reader = new Reader(source);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (!line.isBlank()) {
                reader.line(number, line);
            }
        }
        return reader.finish();
    }

    /** The state of one read: the actions met so far, the rounds, the candidate per context, the problems. */
    private static final class Reader {

        private final String source;
        private final Map<String, Integer> actionIndex = new LinkedHashMap<>();
        private final List<LoggedRound> rounds = new ArrayList<>();
        private final Map<String, Map<Integer, Double>> candidateByContext = new HashMap<>();
        private final Map<String, Integer> candidateLine = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private int problemCount;

        Reader(String source) {
            this.source = source;
        }

        void line(int number, String text) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                problem(number, "", "not a JSON object: " + e.getOriginalMessage());
                return;
            }
            if (node == null || !node.isObject()) {
                problem(number, "", "not a JSON object; each line is one decision {\"context\": ..., \"action\": ...,"
                        + " \"reward\": ..., \"propensity\": ..., \"candidate\": {...}}");
                return;
            }
            int before = problemCount;
            String context = text(node, number, "context");
            String action = text(node, number, "action");
            double reward = number(node, number, "reward");
            double propensity = number(node, number, "propensity");
            if (!Double.isNaN(propensity) && !(propensity > 0 && propensity <= 1)) {
                problem(number, "propensity", "must be in (0, 1], got " + propensity + "; log the probability the"
                        + " logging policy gave the action it took (never 0 for a taken action)");
            }
            Map<Integer, Double> candidate = candidate(node, number);
            if (problemCount > before) {
                return;
            }
            Map<Integer, Double> earlier = candidateByContext.putIfAbsent(context, candidate);
            if (earlier == null) {
                candidateLine.put(context, number);
            } else if (!same(earlier, candidate)) {
                problem(number, "candidate", "differs from the one on line " + candidateLine.get(context)
                        + " for the same context \"" + context + "\"; a policy has one distribution per context:"
                        + " put everything it depends on in the context");
                return;
            }
            rounds.add(new LoggedRound(context, index(action), reward, propensity));
        }

        DecisionFile finish() {
            if (problemCount > 0) {
                StringBuilder message = new StringBuilder(source).append(": ").append(problemCount)
                        .append(problemCount == 1 ? " bad line" : " bad lines");
                problems.forEach(p -> message.append(System.lineSeparator()).append(p));
                if (problemCount > problems.size()) {
                    message.append(System.lineSeparator()).append("... and ").append(problemCount - problems.size())
                            .append(" more");
                }
                throw new DecisionFileException(message.toString(), null);
            }
            if (rounds.size() < 2) {
                throw new DecisionFileException(source + ": " + rounds.size() + " decisions; off-policy evaluation"
                        + " needs at least 2 (one JSON object per line)", null);
            }
            Map<String, double[]> distributions = new HashMap<>();
            int actionCount = actionIndex.size();
            candidateByContext.forEach((context, probabilities) -> {
                double[] distribution = new double[actionCount];
                probabilities.forEach((action, p) -> distribution[action] = p);
                distributions.put(context, distribution);
            });
            Policy candidate = (context, action) -> {
                double[] distribution = distributions.get(context);
                return distribution == null || action < 0 || action >= distribution.length ? 0
                        : distribution[action];
            };
            return new DecisionFile(source, List.copyOf(actionIndex.keySet()),
                    new LoggedBandit(actionCount, rounds), candidate);
        }

        private String text(JsonNode node, int number, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem(number, field, "required field is missing");
                return "";
            }
            if (!value.isTextual()) {
                problem(number, field, "must be a string, got " + value);
                return "";
            }
            return value.asText();
        }

        /** The field's finite number, or NaN after recording a problem. */
        private double number(JsonNode node, int number, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem(number, field, "required field is missing");
                return Double.NaN;
            }
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problem(number, field, "must be a number, got " + value);
                return Double.NaN;
            }
            return value.asDouble();
        }

        private Map<Integer, Double> candidate(JsonNode node, int number) {
            JsonNode value = node.get("candidate");
            if (value == null || value.isNull()) {
                problem(number, "candidate", "required field is missing; give the candidate policy's probability of"
                        + " each action in this context, e.g. {\"email\": 0.7, \"push\": 0.3}");
                return Map.of();
            }
            if (!value.isObject()) {
                problem(number, "candidate", "must be an object of action: probability, got " + value);
                return Map.of();
            }
            Map<String, Double> probabilities = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                JsonNode p = entry.getValue();
                if (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1)) {
                    problem(number, "candidate." + entry.getKey(), "must be a probability in [0, 1], got " + p);
                    return Map.of();
                }
                probabilities.put(entry.getKey(), p.asDouble());
                total += p.asDouble();
            }
            if (Math.abs(total - 1) > TOLERANCE) {
                problem(number, "candidate", "probabilities sum to " + readable(total) + "; they must sum to 1 (within "
                        + TOLERANCE + ") over the candidate's actions in this context");
                return Map.of();
            }
            Map<Integer, Double> byIndex = new HashMap<>();
            probabilities.forEach((action, p) -> byIndex.put(index(action), p));
            return byIndex;
        }

        /** The number to 9 significant digits, without trailing zeros: 0.9, not 0.8999999999999999. */
        private static String readable(double value) {
            return new BigDecimal(value).round(new MathContext(9)).stripTrailingZeros().toPlainString();
        }

        private int index(String action) {
            return actionIndex.computeIfAbsent(action, a -> actionIndex.size());
        }

        private static boolean same(Map<Integer, Double> a, Map<Integer, Double> b) {
            for (Map.Entry<Integer, Double> entry : a.entrySet()) {
                if (Math.abs(entry.getValue() - b.getOrDefault(entry.getKey(), 0.0)) > TOLERANCE) {
                    return false;
                }
            }
            for (Map.Entry<Integer, Double> entry : b.entrySet()) {
                if (Math.abs(entry.getValue() - a.getOrDefault(entry.getKey(), 0.0)) > TOLERANCE) {
                    return false;
                }
            }
            return true;
        }

        private void problem(int number, String field, String message) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(source + ":" + number + ": " + (field.isEmpty() ? "" : field + ": ") + message);
            }
        }
    }
}
