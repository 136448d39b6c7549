package dev.herald.bench;

import dev.herald.app.Main;
import dev.herald.writer.stub.AnthropicStub;
import dev.herald.writer.stub.OpenAiStub;
import dev.herald.writer.stub.ProviderStub;
import dev.herald.writer.stub.ValidReplies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's cost figures on a real log: {@code herald replay} with every sent message written by the LLM writer,
 * whose provider is a local server speaking OpenAI's (or Anthropic's) wire format and answering every request with
 * a valid reply. The replay's summary then shows the model calls per 1,000 messages and the cache hit ratio.
 *
 * <pre>
 * ./herald bench writer taobao ../shared/datasets/userbehavior_timewindow.csv.gz [--provider anthropic]
 * </pre>
 */
public final class WriterReplay {

    private WriterReplay() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: herald bench writer FORMAT FILE [--provider openai|anthropic] [replay options]");
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        boolean anthropic = false;
        int provider = rest.indexOf("--provider");
        if (provider >= 0 && provider + 1 < rest.size()) {
            anthropic = rest.get(provider + 1).equals("anthropic");
            rest.subList(provider, provider + 2).clear();
        }
        Path out = Files.createTempFile("herald-writer-bench", ".jsonl");
        Path config = Files.createTempFile("herald-writer-bench", ".yaml");
        int code;
        try (ProviderStub stub = anthropic ? new AnthropicStub() : new OpenAiStub()) {
            stub.respondWith(new ValidReplies());
            Files.writeString(config, """
                    shop:
                      name: Shop
                      url: https://shop.example
                    writer:
                      provider: %s
                      api_key: local-stub
                      base_url: %s
                    """.formatted(anthropic ? "anthropic" : "openai", stub.baseUrl()));
            List<String> command = new ArrayList<>(List.of("replay", "--format", args[0], args[1], "--until",
                    "drain", "--no-progress", "--config", config.toString(), "--out", out.toString()));
            command.addAll(rest);
            code = Main.commandLine().execute(command.toArray(String[]::new));
            System.out.println("Requests the stub answered: " + stub.requestCount());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(config);
        }
        System.exit(code);
    }
}
