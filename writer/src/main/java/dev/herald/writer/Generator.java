package dev.herald.writer;

import dev.herald.writer.check.CheckResult;
import dev.herald.writer.check.Complaint;
import dev.herald.writer.check.DraftChecker;
import dev.herald.writer.check.FactSheet;
import dev.herald.writer.provider.Completion;
import dev.herald.writer.provider.Conversation;
import dev.herald.writer.provider.LlmClient;
import dev.herald.writer.provider.ProviderException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Asks the model for a key's content and checks the reply; a reply that fails is sent back once with the checker's
 * complaints. Thread-safe.
 */
final class Generator {

    /** The model is asked at most twice per key: the first reply, and one repair. */
    static final int REPLIES = 2;

    private final LlmClient client;
    private final Prompts prompts;
    private final DraftChecker checker;
    private final WriterMetrics metrics;

    Generator(LlmClient client, Prompts prompts, DraftChecker checker, WriterMetrics metrics) {
        this.client = client;
        this.prompts = prompts;
        this.checker = checker;
        this.metrics = metrics;
    }

    Generation generate(ContentKey key, FactSheet facts) {
        Conversation conversation = prompts.conversation(key);
        List<Complaint> complaints = List.of();
        for (int attempt = 1; attempt <= REPLIES; attempt++) {
            Completion completion;
            try {
                completion = client.complete(conversation);
            } catch (ProviderException e) {
                metrics.providerFailure(e.kind().code());
                boolean passing = e.kind().retriable() || e.kind() == ProviderException.Kind.CIRCUIT_OPEN
                        || e.kind() == ProviderException.Kind.BUSY;
                return new Generation.Failed(e.kind().code(), e.getMessage() == null ? e.kind().code()
                        : e.getMessage(), passing);
            }
            metrics.completion(completion);
            ReplyReader.Read read = ReplyReader.read(completion.text(), key.channel(), key.kind(), key.language());
            switch (read) {
                case ReplyReader.Read.Invalid invalid -> complaints = invalid.complaints();
                case ReplyReader.Read.Draft draft -> {
                    CheckResult result = checker.check(draft.content(), key.kind(), facts);
                    if (result.passed()) {
                        return new Generation.Ready(result.draft(), attempt, result.notes());
                    }
                    complaints = result.complaints();
                }
            }
            complaints.forEach(c -> metrics.complaint(c.rule()));
            conversation = conversation.followedBy(completion.text(), Prompts.complaints(complaints));
        }
        return new Generation.Failed("invalid_reply", complaints.stream().map(Complaint::toString)
                .collect(Collectors.joining("; ")), false);
    }
}
