package dev.herald.server.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.herald.core.content.Written;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.experiment.Assignment;
import dev.herald.store.DecisionRow;
import dev.herald.store.Exposure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decisions as rows of the decisions table (outcome, action, experiment arm, and the trace as a JSON array of
 * steps), and the exposures they record.
 */
final class DecisionRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionRows() {}

    /**
     * @param earlierTrace the trace stored when the decision was scheduled (a JSON array), or null
     * @param later the steps to add to it (all of them for a new decision; at send time, the send-time steps)
     */
    static DecisionRow row(Decision decision, String outcome, String earlierTrace, List<TraceStep> later,
            Written written, Instant now) {
        ArrayNode trace = earlierTrace == null ? JSON.createArrayNode() : parse(earlierTrace);
        later.forEach(step -> trace.add(step(step)));
        String reason = later.stream().filter(s -> !s.passed()).map(s -> s.reason().code()).reduce((a, b) -> b)
                .orElse(decision.findReason().map(Reason::code).orElse(null));
        return new DecisionRow(decision.id(), decision.userId(), decision.occurrence().triggerId(), outcome, reason,
                decision.findAction().map(a -> a.channel().key()).orElse(null),
                decision.findAction().map(a -> a.sendAt()).orElse(null),
                decision.findAction().map(a -> a.variant()).orElse(null), decision.propensity(),
                decision.policy().isEmpty() ? null : decision.policy() + " v" + decision.policyVersion(),
                trace.toString(), written == null ? null : ContentJson.text(written.content()), now,
                decision.findAssignment().map(Assignment::experiment).orElse(null),
                decision.findAssignment().map(Assignment::variant).orElse(null));
    }

    /**
     * The exposure a decision records: a decision made with an experiment arm (the holdout's, or a variant's
     * scheduled message) exposes its user, once per experiment however often it is stored.
     */
    static Optional<Exposure> exposure(Decision decision) {
        return decision.findAssignment().map(arm -> new Exposure(arm.experiment(), decision.userId(), arm.variant(),
                decision.decidedAt(), decision.id()));
    }

    private static JsonNode step(TraceStep step) {
        return JSON.createObjectNode().put("step", step.stage().key())
                .put("result", step.passed() ? "pass" : step.reason().code()).put("detail", step.detail());
    }

    private static ArrayNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ArrayNode array ? array : JSON.createArrayNode();
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }
}
