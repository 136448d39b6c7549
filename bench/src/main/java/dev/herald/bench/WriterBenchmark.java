package dev.herald.bench;

import dev.herald.core.content.Written;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.UserFacts;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.MessageKind;
import dev.herald.writer.LlmWriter;
import dev.herald.writer.ModelPrices;
import dev.herald.writer.WriterMetrics;
import dev.herald.writer.WriterSettings;
import dev.herald.writer.provider.Completion;
import dev.herald.writer.provider.Conversation;
import dev.herald.writer.provider.LlmClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The writer's latency on a cache hit: what writing a message adds when its content key was generated before.
 * It covers building the key from the message, the cache lookup, filling the placeholders (for email, the layout
 * with the item block), the length and segment re-check, and the metrics. 10,000 users with their own first names
 * share 50 products, so every measured call is a hit. Read the {@code p0.99} line of the sample-time output.
 *
 * <pre>
 * ./herald bench WriterBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class WriterBenchmark {

    private static final ContentBrief BRIEF = new ContentBrief("Bring the shopper back to the cart they left.",
            "friendly", "Return to your cart", List.of());

    @Param({"email", "sms", "push"})
    public String channel;

    private LlmWriter writer;
    private OutgoingMessage[] messages;
    private int next;

    /** A model that always gives the same valid reply for the channel. */
    private record FixedModel(String reply) implements LlmClient {
        @Override
        public Completion complete(Conversation conversation) {
            return new Completion(reply, 800, 90, "fixed");
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }

    @Setup
    public void setUp() {
        Channel chosen = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        String reply = switch (chosen) {
            case EMAIL -> """
                    {"subject": "{{item_name}} is waiting", "preheader": "Your cart is saved",
                     "html": "<p>Hi {{first_name}},</p><p>Your {{item_name}} is still in your cart.</p>\
                    <p><a href=\\"{{url}}\\">Back to your cart</a></p>",
                     "text": "Hi {{first_name}},\\nYour {{item_name}} is still in your cart: {{url}}",
                     "call_to_action": "Return to cart"}""";
            case SMS -> "{\"text\": \"Shop: your cart is waiting {{url}} Reply STOP to opt out.\"}";
            default -> "{\"title\": \"{{item_name}} is waiting\", \"body\": \"{{first_name}}, it is in your cart.\"}";
        };
        writer = new LlmWriter(new FixedModel(reply), WriterSettings.defaults("Shop", "https://shop.example"),
                new WriterMetrics(new SimpleMeterRegistry(), new ModelPrices(1, 5)));
        messages = new OutgoingMessage[10_000];
        for (int i = 0; i < messages.length; i++) {
            int p = i % 50;
            Product product = new Product("p" + p, "Product number " + p, new BigDecimal(10 + p + ".90"), "EUR",
                    "apparel.shoes", "Pace", "https://shop.example/p/" + p, "https://shop.example/img/" + p + ".jpg");
            messages[i] = new OutgoingMessage("m" + i, "u" + i, "abandoned_cart", MessageKind.MARKETING, chosen,
                    "u" + i + "@example.com", "default", "en", "Name" + i, UserFacts.NONE,
                    Subject.of(List.of(new LineItem(product, 1 + i % 3))), BRIEF,
                    Instant.parse("2024-03-04T10:00:00Z"));
        }
        for (OutgoingMessage message : messages) {
            if (writer.write(message).source() == Written.Source.FALLBACK) {
                throw new IllegalStateException("the warm-up fell back to the template: " + writer.write(message));
            }
        }
    }

    @TearDown
    public void tearDown() {
        writer.close();
    }

    @Benchmark
    public Written cachedWrite() {
        OutgoingMessage message = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return writer.write(message);
    }
}
