package dev.herald.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.event.EventType;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.Condition;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.Entry;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggerFileTest {

    @Test
    void shouldLoadTheShippedTriggersOrderedByPriority() {
        // Act
        TriggerSet triggers = TriggerFile.loadDefault();

        // Assert
        assertThat(triggers.all()).extracting(TriggerDefinition::id).containsExactly("order_shipped",
                "abandoned_cart", "price_drop", "browse_abandonment", "inactivity");
    }

    @Test
    void shouldReadTheShippedAbandonedCartTrigger() {
        // Act
        TriggerDefinition trigger = TriggerFile.loadDefault().find("abandoned_cart").orElseThrow();

        // Assert
        assertThat(trigger).isEqualTo(new TriggerDefinition("abandoned_cart", "Abandoned cart",
                MessageKind.MARKETING, 80, Scope.CART, new Entry(Set.of(EventType.PRODUCT_ADDED), false, List.of()),
                Duration.ofHours(1), true, Duration.ofHours(2),
                new Exit(Set.of(EventType.ORDER_COMPLETED), false, true, false), new Reentry.Once(Duration.ofDays(30)),
                List.of(Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.IN_APP), true, List.of("default"),
                new ContentBrief("Bring the shopper back to the cart they left, naming what is in it.",
                        "friendly, short, no pressure", "Return to your cart", List.of(),
                        List.of(ContentBrief.UserFact.ORDER_COUNT), Map.of())));
    }

    @Test
    void shouldReadTheShippedBrowseAbandonmentTrigger() {
        // Act
        TriggerDefinition trigger = TriggerFile.loadDefault().find("browse_abandonment").orElseThrow();

        // Assert
        assertThat(trigger.kind()).isEqualTo(MessageKind.MARKETING);
        assertThat(trigger.priority()).isEqualTo(40);
        assertThat(trigger.scope()).isEqualTo(Scope.PRODUCT);
        assertThat(trigger.entry()).isEqualTo(new Entry(Set.of(EventType.PRODUCT_VIEWED), false,
                List.of(new Condition.ViewedAtLeast(2, Duration.ofHours(24)), new Condition.NotInCart(),
                        new Condition.NotPurchasedWithin(Duration.ofDays(30)))));
        assertThat(trigger.restartOnEntry()).isTrue();
        assertThat(trigger.urgency()).isEqualTo(Duration.ofHours(22));
        assertThat(trigger.exit())
                .isEqualTo(new Exit(Set.of(EventType.PRODUCT_ADDED, EventType.ORDER_COMPLETED), false, false, true));
        assertThat(trigger.reentry()).isEqualTo(new Reentry.Cooldown(Duration.ofDays(7)));
        assertThat(trigger.channels()).containsExactly(Channel.EMAIL, Channel.PUSH, Channel.IN_APP);
        assertThat(trigger.brief().callToAction()).isEqualTo("Take another look");
    }

    @Test
    void shouldReadTheShippedInactivityTriggerWithAnyActivity() {
        // Act
        TriggerDefinition trigger = TriggerFile.loadDefault().find("inactivity").orElseThrow();

        // Assert
        assertThat(trigger.name()).isEqualTo("Seven quiet days");
        assertThat(trigger.scope()).isEqualTo(Scope.USER);
        assertThat(trigger.entry()).isEqualTo(new Entry(Set.of(), true, List.of()));
        assertThat(trigger.urgency()).isEqualTo(Duration.ofDays(3));
        assertThat(trigger.exit()).isEqualTo(new Exit(Set.of(), true, false, false));
        assertThat(trigger.reentry()).isEqualTo(new Reentry.Cooldown(Duration.ofDays(30)));
        assertThat(trigger.brief().tone()).isEqualTo("warm, brief");
    }

    @Test
    void shouldReadTheShippedPriceDropTrigger() {
        // Act
        TriggerDefinition trigger = TriggerFile.loadDefault().find("price_drop").orElseThrow();

        // Assert
        assertThat(trigger.priority()).isEqualTo(60);
        assertThat(trigger.entry()).isEqualTo(new Entry(Set.of(EventType.PRICE_CHANGED), false,
                List.of(new Condition.PriceDropAtLeast(new BigDecimal("5")),
                        new Condition.InterestedWithin(Duration.ofDays(14), true, true),
                        new Condition.NotPurchasedWithin(Duration.ofDays(14)))));
        assertThat(trigger.restartOnEntry()).isFalse();
        assertThat(trigger.urgency()).isEqualTo(Duration.ofHours(24));
        assertThat(trigger.channels()).containsExactly(Channel.PUSH, Channel.EMAIL, Channel.SMS, Channel.IN_APP);
        assertThat(trigger.quietHours()).isTrue();
    }

    @Test
    void shouldReadTheShippedOrderShippedTriggerWithDefaults() {
        // Act
        TriggerDefinition trigger = TriggerFile.loadDefault().find("order_shipped").orElseThrow();

        // Assert
        assertThat(trigger).isEqualTo(new TriggerDefinition("order_shipped", "Order shipped",
                MessageKind.TRANSACTIONAL, 100, Scope.ORDER,
                new Entry(Set.of(EventType.ORDER_SHIPPED), false, List.of()), Duration.ZERO, false,
                Duration.ofHours(2), Exit.NONE, new Reentry.Once(Duration.ofDays(30)),
                List.of(Channel.SMS, Channel.EMAIL, Channel.PUSH), true, List.of("default"),
                new ContentBrief(
                        "Tell the customer their order is on its way, with the tracking link when there is one.",
                        "clear, reassuring", "Track your order", List.of())));
    }

    @Test
    void shouldLoadAFileFromDiskAndApplyDefaults(@TempDir Path dir) throws IOException {
        // Arrange
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, minimal("welcome", "    reentry: {once: 60d}\n"));

        // Act
        TriggerDefinition trigger = TriggerFile.load(file).find("welcome").orElseThrow();

        // Assert
        assertThat(trigger.name()).isEqualTo("welcome");
        assertThat(trigger.priority()).isZero();
        assertThat(trigger.reentry()).isEqualTo(new Reentry.Once(Duration.ofDays(60)));
        assertThat(trigger.variants()).containsExactly("default");
        assertThat(trigger.quietHours()).isTrue();
        assertThat(trigger.exit()).isEqualTo(Exit.NONE);
    }

    @Test
    void shouldReadEveryConditionAndReentryForm() {
        // Arrange
        String yaml = """
                triggers:
                  - id: big_cart
                    kind: marketing
                    scope: cart
                    entry:
                      events: [Product Added]
                      conditions:
                        - cart_value_at_least: 99.50
                    wait: 1h
                    urgency: 1h30m
                    reentry: always
                    channels: [in-app, WEBHOOK]
                    variants: [short, long]
                    quiet_hours: false
                    brief:
                      goal: Nudge.
                      allowed_claims: [free shipping over 100]
                """;

        // Act
        TriggerDefinition trigger = TriggerFile.parse("t.yaml", yaml).find("big_cart").orElseThrow();

        // Assert
        assertThat(trigger.entry().conditions())
                .containsExactly(new Condition.CartValueAtLeast(new BigDecimal("99.50")));
        assertThat(trigger.urgency()).isEqualTo(Duration.ofMinutes(90));
        assertThat(trigger.reentry()).isEqualTo(new Reentry.Always());
        assertThat(trigger.channels()).containsExactly(Channel.IN_APP, Channel.WEBHOOK);
        assertThat(trigger.variants()).containsExactly("short", "long");
        assertThat(trigger.quietHours()).isFalse();
        assertThat(trigger.brief().allowedClaims()).containsExactly("free shipping over 100");
    }

    @Test
    void shouldRejectUnknownFieldNamingItAndTheKnownOnes() {
        // Arrange
        String yaml = minimal("a", "    wiat: 1h\n");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:11: triggers[0].wiat: unknown field \"wiat\"; known fields: id, name, "
                + "kind, priority, scope, entry, wait, restart_on_entry, urgency, exit, reentry, channels, "
                + "quiet_hours, variants, brief");
    }

    @Test
    void shouldRejectBadDuration() {
        // Arrange
        String yaml = minimal("a", "").replace("wait: 1h", "wait: soon");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:7: triggers[0].wait: \"soon\" is not a duration; write a number and a "
                + "unit: 90s, 30m, 1h, 1h30m, 7d or 2w");
    }

    @Test
    void shouldRejectUnknownEvent() {
        // Arrange
        String yaml = minimal("a", "").replace("events: [Product Added]", "events: [Product Added, Product Seen]");

        // Act / Assert
        TriggerFileException error = parseFailing(yaml);
        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.field()).isEqualTo("triggers[0].entry.events[1]");
            assertThat(problem.message()).startsWith("\"Product Seen\" is not an event Herald knows; write one of "
                    + "Product Viewed, Product Added,").endsWith(", or \"any activity\"");
        });
    }

    @Test
    void shouldRejectUnknownChannel() {
        // Arrange
        String yaml = minimal("a", "").replace("channels: [email]", "channels:\n      - email\n      - fax");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:12: triggers[0].channels[1]: \"fax\" is not a channel; write one of "
                + "email, sms, push, in_app, webhook");
    }

    @Test
    void shouldRejectMissingRequiredFieldAtTheTriggerLine() {
        // Arrange
        String yaml = minimal("a", "").replace("    kind: marketing\n", "");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:2: triggers[0].kind: required field is missing; write marketing or "
                + "transactional");
    }

    @Test
    void shouldRejectWrongTypeNamingTheExpectedOne() {
        // Arrange
        String yaml = minimal("a", "    priority: high\n    restart_on_entry: yes\n    variants: default\n");

        // Act
        TriggerFileException error = parseFailing(yaml);

        // Assert
        assertThat(error.problems()).extracting(TriggerFileException.Problem::toString).containsExactly(
                "triggers.yaml:11: triggers[0].priority: expected a whole number, got \"high\"",
                "triggers.yaml:12: triggers[0].restart_on_entry: expected true or false, got \"yes\"",
                "triggers.yaml:13: triggers[0].variants: expected a list like [default, short], got \"default\"");
    }

    @Test
    void shouldRejectDuplicateIdNamingTheFirstLine() {
        // Arrange
        String yaml = minimal("twin", "") + minimal("twin", "").replace("triggers:\n", "");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:11: triggers[1].id: \"twin\" is already the id of the trigger on line 2; "
                + "ids must be unique");
    }

    @Test
    void shouldRejectYamlSyntaxErrorWithItsLine() {
        // Arrange
        String yaml = minimal("a", "").replace("urgency: 2h", "urgency: [2h");

        // Act
        TriggerFileException error = parseFailing(yaml);

        // Assert
        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(9);
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).startsWith("not valid YAML: ");
        });
    }

    @Test
    void shouldRejectUnknownCondition() {
        // Arrange
        String yaml = minimal("a", "").replace("events: [Product Added]",
                "events: [Product Added]\n      conditions:\n        - cart_value_at_least: 10\n"
                        + "        - viewed_twice: true");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:9: triggers[0].entry.conditions[1].viewed_twice: unknown condition "
                + "\"viewed_twice\"; known conditions: viewed_at_least, not_in_cart, not_purchased_within, "
                + "price_drop_at_least, interested_within, cart_value_at_least");
    }

    @Test
    void shouldRejectConditionValueTheCoreRejects() {
        // Arrange
        String yaml = minimal("a", "").replace("scope: cart", "scope: product").replace("events: [Product Added]",
                "events: [Product Viewed]\n      conditions:\n        - viewed_at_least: {times: 0, within: 1d}");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:8: triggers[0].entry.conditions[0].viewed_at_least: times must be at "
                + "least 1, got 0");
    }

    @Test
    void shouldRejectConditionThatIsNotASingleKeyMap() {
        // Arrange
        String yaml = minimal("a", "").replace("events: [Product Added]",
                "events: [Product Added]\n      conditions:\n        - not_in_cart");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:8: triggers[0].entry.conditions[0]: a condition is a map with one key, "
                + "like \"not_in_cart: true\"; got \"not_in_cart\"");
    }

    @Test
    void shouldRejectPriceConditionWithoutPriceChangedEntry() {
        // Arrange
        String yaml = minimal("a", "").replace("events: [Product Added]",
                "events: [Product Added]\n      conditions:\n        - price_drop_at_least: 5%");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:8: triggers[0].entry.conditions[0].price_drop_at_least: "
                + "price_drop_at_least applies only to the entry event Price Changed; this entry has Product Added");
    }

    @Test
    void shouldRejectCartEmptiedOutsideCartScope() {
        // Arrange
        String yaml = minimal("a", "    exit:\n      cart_emptied: true\n").replace("scope: cart", "scope: user");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:12: triggers[0].exit.cart_emptied: cart_emptied needs scope cart; this "
                + "trigger's scope is user");
    }

    @Test
    void shouldRejectProductScopeWithEventsWithoutProduct() {
        // Arrange
        String yaml = minimal("a", "").replace("scope: cart", "scope: product")
                .replace("events: [Product Added]", "events: [Cart Viewed]");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:6: triggers[0].entry.events: scope product needs entry events that carry "
                + "a product (Product Viewed, Product Added, Product Removed, Order Completed, Price Changed); "
                + "this entry has Cart Viewed");
    }

    @Test
    void shouldRejectIdTheCoreRejectsAtTheTriggerLine() {
        // Arrange
        String yaml = minimal("Bad-Id", "");

        // Act / Assert
        assertProblem(yaml, "triggers.yaml:2: triggers[0]: trigger id must be lower case letters, digits and "
                + "underscores, starting with a letter; got \"Bad-Id\"");
    }

    @Test
    void shouldReportEveryProblemOfTheFileInLineOrder() {
        // Arrange
        String yaml = minimal("a", "").replace("wait: 1h", "wait: soon").replace("channels: [email]",
                "channels: [email, fax]");

        // Act
        TriggerFileException error = parseFailing(yaml);

        // Assert
        assertThat(error.problems()).extracting(TriggerFileException.Problem::line).containsExactly(7, 10);
        assertThat(error.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                "cannot load triggers from triggers.yaml: 2 problems",
                "triggers.yaml:7: triggers[0].wait: \"soon\" is not a duration; write a number and a unit: 90s, 30m, "
                        + "1h, 1h30m, 7d or 2w",
                "triggers.yaml:10: triggers[0].channels[1]: \"fax\" is not a channel; write one of email, sms, push, "
                        + "in_app, webhook"));
    }

    @Test
    void shouldRejectEmptyFile() {
        // Act / Assert
        assertProblem("# nothing yet\n", "triggers.yaml:1: the file is empty; it needs a list of triggers under "
                + "\"triggers:\"");
    }

    @Test
    void shouldRejectUnreadableFileNamingIt(@TempDir Path dir) {
        // Arrange
        Path missing = dir.resolve("absent.yaml");

        // Act / Assert
        assertThatThrownBy(() -> TriggerFile.load(missing)).isInstanceOf(TriggerFileException.class)
                .hasMessageContaining(missing + ": cannot read the file");
    }

    /** A valid trigger; {@code extra} lines are appended at line 11 onwards. */
    private static String minimal(String id, String extra) {
        return """
                triggers:
                  - id: %s
                    kind: marketing
                    scope: cart
                    entry:
                      events: [Product Added]
                    wait: 1h
                    urgency: 2h
                    brief: {goal: Bring them back.}
                    channels: [email]
                """.formatted(id) + extra;
    }

    private static TriggerFileException parseFailing(String yaml) {
        try {
            TriggerFile.parse("triggers.yaml", yaml);
        } catch (TriggerFileException e) {
            return e;
        }
        throw new AssertionError("expected a TriggerFileException");
    }

    private static void assertProblem(String yaml, String expected) {
        TriggerFileException error = parseFailing(yaml);
        assertThat(error.problems()).extracting(TriggerFileException.Problem::toString).containsExactly(expected);
    }

    static String cartTrigger(String variants, String briefExtra) {
        return """
                triggers:
                  - id: cart
                    kind: marketing
                    scope: cart
                    entry:
                      events: [Product Added]
                    wait: 1h
                    urgency: 2h
                    reentry: once
                    channels: [email]
                    variants: %s
                    brief:
                      goal: Nudge.
                %s""".formatted(variants, briefExtra);
    }

    @Test
    void shouldReadVariantAnglesAndUserFacts() {
        // Arrange
        String yaml = cartTrigger("[default, urgency]", """
                      user_facts: [order_count, average_order_value]
                      angles:
                        urgency: Say that carts are not kept for ever.
                """);

        // Act
        TriggerDefinition trigger = TriggerFile.parse("t.yaml", yaml).find("cart").orElseThrow();

        // Assert
        assertThat(trigger.brief().userFacts()).containsExactly(ContentBrief.UserFact.ORDER_COUNT,
                ContentBrief.UserFact.AVERAGE_ORDER_VALUE);
        assertThat(trigger.brief().angleOf("urgency")).isEqualTo("Say that carts are not kept for ever.");
        assertThat(trigger.brief().angleOf("default")).isEmpty();
    }

    @Test
    void shouldRejectAnAngleForAnUnknownVariantAndAnUnknownUserFact() {
        // Arrange
        String yaml = cartTrigger("[default]", """
                      user_facts: [shoe_size]
                      angles:
                        urgent: Hurry.
                """);

        // Act + Assert
        assertThatThrownBy(() -> TriggerFile.parse("t.yaml", yaml)).isInstanceOf(TriggerFileException.class)
                .hasMessageContaining("unknown user fact \"shoe_size\"; use order_count or average_order_value");
        assertThatThrownBy(() -> TriggerFile.parse("t.yaml", cartTrigger("[default]", """
                      angles:
                        urgent: Hurry.
                """))).isInstanceOf(TriggerFileException.class)
                .hasMessageContaining("brief.angles.urgent: no variant named urgent; the trigger's variants are "
                        + "[default]");
    }
}
