package dev.herald.app.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.herald.core.content.ContentWriter;
import dev.herald.core.content.MessageContent;
import dev.herald.core.content.Written;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.engine.Effect;
import dev.herald.core.event.LineItem;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes every decision as one JSON line once its outcome is final: {@code suppressed} when decided,
 * {@code sent} (with the written content) or {@code cancelled} at send time, and {@code pending} for messages still
 * scheduled when the replay ends. Each line carries the decision's trace.
 *
 * <p>A sent message's text is written by the content writer. With a writer that calls a model ({@code parallel}),
 * several messages are written at once on worker threads while the replay goes on; lines still come out in the
 * order of their decisions.
 *
 * <p>Not thread-safe.
 */
final class DecisionLog implements Closeable {

    /** The most lines waiting for their text before the replay waits for the oldest. */
    static final int MAX_PENDING = 256;

    /** A line whose text may still be being written. */
    private record Line(Decision decision, String outcome, TraceStep finalStep, Future<Written> written) {}

    private final JsonGenerator json;
    private final ContentWriter writer;
    private final ExecutorService workers;
    private final Map<String, Decision> scheduled = new LinkedHashMap<>();
    private final ArrayDeque<Line> pending = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param parallel whether to write texts on worker threads (for writers that wait on a model)
     */
    DecisionLog(Writer out, ContentWriter writer, boolean parallel) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(new SerializedString("\n"));
        this.writer = writer;
        this.workers = parallel ? Executors.newVirtualThreadPerTaskExecutor() : null;
    }

    DecisionLog(Writer out, ContentWriter writer) throws IOException {
        this(out, writer, false);
    }

    void effect(Effect effect) {
        try {
            switch (effect) {
                case Effect.Decided decided -> {
                    if (decided.decision().isScheduled()) {
                        scheduled.put(decided.decision().id(), decided.decision());
                    } else {
                        queue(new Line(decided.decision(), "suppressed", null, null));
                    }
                }
                case Effect.Sent sending -> queue(new Line(whole(sending.decision()), "sent", null,
                        workers == null ? CompletableFuture.completedFuture(writer.write(sending.message()))
                                : workers.submit(() -> writer.write(sending.message()))));
                case Effect.Cancelled cancellation ->
                        queue(new Line(whole(cancellation.decision()), "cancelled", cancellation.step(), null));
                case Effect.Late late -> {
                    // Late events are counted in the summary; they produce no decision.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision log", e);
        }
    }

    private void queue(Line line) throws IOException {
        pending.add(line);
        while (!pending.isEmpty() && (pending.size() > MAX_PENDING || pending.peek().written() == null
                || pending.peek().written().isDone())) {
            Line next = pending.poll();
            write(next.decision(), next.outcome(), next.finalStep(), next.written() == null ? null
                    : await(next.written()));
        }
    }

    private static Written await(Future<Written> written) {
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a message's text", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the content writer failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The decision as it ended, with its whole trace: the trace it was scheduled with, then the steps taken at send
     * time (which are all the ended decision carries), and its final action.
     */
    private Decision whole(Decision ended) {
        Decision scheduledWith = scheduled.remove(ended.id());
        if (scheduledWith == null) {
            return ended;
        }
        return new Decision(ended.id(), ended.userId(), ended.occurrence(), ended.kind(), ended.priority(),
                ended.reason(), ended.action(), ended.propensity(), ended.policy(), ended.policyVersion(),
                scheduledWith.withTraceFollowedBy(ended.trace()).trace(), ended.assignment());
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        while (!pending.isEmpty()) {
            Line next = pending.poll();
            write(next.decision(), next.outcome(), next.finalStep(), next.written() == null ? null
                    : await(next.written()));
        }
        if (workers != null) {
            workers.shutdown();
        }
        for (Decision decision : List.copyOf(scheduled.values())) {
            write(decision, "pending", null, null);
        }
        scheduled.clear();
        json.writeRaw('\n');
        json.close();
    }

    private void write(Decision decision, String outcome, TraceStep finalStep, Written written)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("id", decision.id());
        json.writeStringField("userId", decision.userId());
        json.writeStringField("trigger", decision.occurrence().triggerId());
        json.writeStringField("kind", decision.kind().name().toLowerCase(Locale.ROOT));
        json.writeStringField("scope", decision.occurrence().scopeKey());
        json.writeStringField("anchor", decision.occurrence().anchor().toString());
        json.writeStringField("firedAt", decision.occurrence().firedAt().toString());
        json.writeStringField("outcome", outcome);
        String reason = finalStep != null ? finalStep.reason().code()
                : decision.findReason().map(Reason::code).orElse(null);
        if (reason != null) {
            json.writeStringField("reason", reason);
        }
        if (decision.isScheduled()) {
            json.writeStringField("channel", decision.action().channel().key());
            json.writeStringField("sendAt", decision.action().sendAt().toString());
            json.writeStringField("variant", decision.action().variant());
            json.writeNumberField("propensity", decision.propensity());
        }
        if (!decision.policy().isEmpty()) {
            json.writeStringField("policy", decision.policy());
            json.writeStringField("policyVersion", decision.policyVersion());
        }
        if (decision.assignment() != null) {
            json.writeStringField("experiment", decision.assignment().experiment());
            json.writeStringField("experimentVariant", decision.assignment().variant());
        }
        json.writeArrayFieldStart("items");
        for (LineItem item : decision.occurrence().subject().items()) {
            json.writeStartObject();
            json.writeStringField("productId", item.product().id());
            if (!item.product().name().isEmpty()) {
                json.writeStringField("name", item.product().name());
            }
            if (item.product().price() != null) {
                json.writeNumberField("price", item.product().price());
            }
            json.writeNumberField("quantity", item.quantity());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("trace");
        for (TraceStep step : decision.trace()) {
            step(step);
        }
        if (finalStep != null) {
            step(finalStep);
        }
        if (written != null) {
            step(written.step());
        }
        json.writeEndArray();
        if (written != null) {
            content(written);
        }
        json.writeEndObject();
    }

    private void step(TraceStep step) throws IOException {
        json.writeStartObject();
        json.writeStringField("step", step.stage().key());
        json.writeStringField("result", step.passed() ? "pass" : step.reason().code());
        json.writeStringField("detail", step.detail());
        json.writeEndObject();
    }

    private void content(Written written) throws IOException {
        json.writeObjectFieldStart("content");
        json.writeStringField("source", written.source().key());
        switch (written.content()) {
            case MessageContent.Email email -> {
                json.writeStringField("subject", email.subject());
                json.writeStringField("preheader", email.preheader());
                json.writeStringField("text", email.text());
                json.writeStringField("html", email.html());
                json.writeStringField("callToAction", email.callToAction());
                json.writeStringField("url", email.url());
            }
            case MessageContent.Sms sms -> json.writeStringField("text", sms.text());
            case MessageContent.Push push -> {
                json.writeStringField("title", push.title());
                json.writeStringField("body", push.body());
                json.writeStringField("deepLink", push.deepLink());
            }
            case MessageContent.InApp inApp -> {
                json.writeStringField("title", inApp.title());
                json.writeStringField("markdown", inApp.markdown());
                json.writeStringField("url", inApp.url());
            }
        }
        json.writeEndObject();
    }
}
