package dev.herald.writer.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.content.MessageContent;
import dev.herald.core.trigger.MessageKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DraftCheckerTest {

    static final CheckRules RULES = new CheckRules(Set.of("shop.example"), Set.of("img.shop.example"), 1, 3);
    static final Map<String, String> VALUES = Map.of("first_name", "Anna", "url", "https://shop.example/cart",
            "price", "999.00 EUR", "old_price", "1099.00 EUR", "item_name", "Apple iPhone 15 Pro");
    static final FactSheet FACTS = new FactSheet(List.of("Apple iPhone 15 Pro", "Shop"), VALUES, List.of(),
            Set.of(), false, Set.of("Galaxy S24"));

    final DraftChecker checker = new DraftChecker(RULES);

    static MessageContent.Email email(String subject, String html, String text) {
        return new MessageContent.Email(subject, "Your iPhone 15 is still in your cart", html, text, "Back to cart",
                "{{url}}");
    }

    static List<String> rules(CheckResult result) {
        return result.complaints().stream().map(Complaint::rule).toList();
    }

    @Test
    void shouldPassAGoodEmailAndCleanIt() {
        CheckResult result = checker.check(email("{{first_name}}, your {{item_name}} is waiting",
                "<p>Hi {{first_name}},</p><p>Your Apple iPhone 15 Pro is still in your cart at {{price}}.</p>"
                        + "<p><a href=\"{{url}}\" onclick=\"track()\">Back to cart</a></p>"
                        + "<img src=\"https://tracker.example/open.gif\">",
                ""), MessageKind.MARKETING, FACTS);

        assertThat(result.passed()).as("%s", result.complaints()).isTrue();
        assertThat(result.notes()).containsExactly("removed image from tracker.example", "removed onclick attribute",
                "plain-text part derived from the HTML");
        assertThat(result.draft()).isInstanceOfSatisfying(MessageContent.Email.class, cleaned -> {
            assertThat(cleaned.html()).isEqualTo("<p>Hi {{first_name}},</p><p>Your Apple iPhone 15 Pro is still in"
                    + " your cart at {{price}}.</p><p><a href=\"{{url}}\">Back to cart</a></p>");
            assertThat(cleaned.text()).isEqualTo("Hi {{first_name}},\n\nYour Apple iPhone 15 Pro is still in your"
                    + " cart at {{price}}.\n\nBack to cart: {{url}}");
        });
    }

    @Test
    void shouldPassAGoodSmsPushAndInAppMessage() {
        assertThat(checker.check(new MessageContent.Sms("Shop: {{first_name}}, your iPhone 15 is waiting: {{url}}"
                + " Reply STOP to opt out"), MessageKind.MARKETING, FACTS).complaints()).isEmpty();
        assertThat(checker.check(new MessageContent.Push("Still thinking, {{first_name}}?",
                "Your {{item_name}} is waiting at {{price}}", "{{url}}"), MessageKind.MARKETING, FACTS).complaints())
                .isEmpty();
        assertThat(checker.check(new MessageContent.InApp("Your cart is waiting", "**Apple iPhone 15 Pro** is still"
                + " in your cart.\n\n[Back to cart]({{url}})", "Back to cart", "https://shop.example/cart"),
                MessageKind.MARKETING, FACTS).complaints()).isEmpty();
    }

    @Test
    void shouldPassPriceDropWordingInEnglishAndRussianWhenThePriceDropIsTheFact() {
        Map<String, String> values = Map.of("first_name", "Анна", "url", "https://shop.example/p/1", "price",
                "899 ₽", "old_price", "999 ₽", "price_drop_percent", "10", "item_name", "Кроссовки Nike Air Max 90");
        FactSheet drop = new FactSheet(List.of("Кроссовки Nike Air Max 90"), values, List.of(), Set.of(), true,
                Set.of("Nike Pegasus 40"));

        CheckResult english = checker.check(new MessageContent.Push("{{item_name}} is now cheaper",
                "Now {{price}} instead of {{old_price}}: {{price_drop_percent}}% off. A discount just for you",
                "{{url}}"), MessageKind.MARKETING, drop);
        CheckResult russian = checker.check(new MessageContent.Sms("{{first_name}}, скидка {{price_drop_percent}}%:"
                + " Air Max 90 за {{price}}. {{url}} STOP"), MessageKind.MARKETING, drop);
        CheckResult other = checker.check(new MessageContent.Sms("Nike Pegasus 40 тоже дешевле! {{url}} STOP"),
                MessageKind.MARKETING, drop);

        assertThat(english.complaints()).isEmpty();
        assertThat(russian.complaints()).isEmpty();
        assertThat(rules(other)).containsExactly("invented_product");
    }

    @Test
    void shouldFailUnknownPlaceholders() {
        CheckResult result = checker.check(new MessageContent.Push("Hi {{name}}", "Use {{coupon}}", "{{url}}"),
                MessageKind.MARKETING, FACTS);

        assertThat(rules(result)).containsExactly("unknown_placeholder", "unknown_placeholder");
        assertThat(result.complaints().get(0).message()).isEqualTo("title uses {{name}}, which is not given; use"
                + " only {{first_name}}, {{item_name}}, {{old_price}}, {{price}}, {{url}}");
    }

    @Test
    void shouldMeasureLengthsWithThePlaceholdersFilledIn() {
        String title = "{{item_name}} is still waiting in your cart!!";
        assertThat(title).hasSize(45);
        assertThat(Placeholders.fill(title, VALUES)).hasSize(51);

        assertThat(checker.check(new MessageContent.Push(title, "Waiting", "{{url}}"), MessageKind.MARKETING, FACTS)
                .complaints()).singleElement().satisfies(complaint -> {
                    assertThat(complaint.rule()).isEqualTo("too_long");
                    assertThat(complaint.message()).isEqualTo(
                            "title is 51 characters with the placeholders filled in; write at most 50");
                });
        assertThat(checker.check(new MessageContent.Push("{{first_name}}, your cart is waiting for you, right now!",
                "Waiting", "{{url}}"), MessageKind.MARKETING, FACTS).complaints()).as("56 written, 46 filled")
                .isEmpty();
    }

    @Test
    void shouldFailAnEmptyField() {
        assertThat(rules(checker.check(new MessageContent.Push("", "Waiting", "{{url}}"), MessageKind.MARKETING,
                FACTS))).containsExactly("empty");
    }

    @Test
    void shouldFailARussianMarketingSmsOverOneSegmentAndWithoutOptOut() {
        CheckResult result = checker.check(new MessageContent.Sms("{{first_name}}, ваш Apple iPhone 15 Pro всё ещё"
                + " в корзине. Вернитесь: {{url}}"), MessageKind.MARKETING, FACTS);

        assertThat(rules(result)).containsExactly("too_many_segments", "no_opt_out");
    }

    @Test
    void shouldFailHtmlInThePlainTextPartAndInMarkdown() {
        assertThat(rules(checker.check(email("Your cart", "<p>Hi</p>", "<b>Hi</b> {{url}}"), MessageKind.MARKETING,
                FACTS))).containsExactly("html_in_text");
        assertThat(rules(checker.check(new MessageContent.InApp("Cart", "<b>Hi</b> [Go]({{url}})", "Go", "{{url}}"),
                MessageKind.MARKETING, FACTS))).containsExactly("html_in_markdown");
    }

    @Test
    void shouldFailALinkToAnotherDomain() {
        CheckResult result = checker.check(email("Your cart", "<p><a href=\"https://evil.example/\">Deal</a></p>",
                ""), MessageKind.MARKETING, FACTS);

        assertThat(rules(result)).containsExactly("foreign_link");
        assertThat(result.complaints().get(0).message()).contains("evil.example", "shop.example");
    }

    @Test
    void shouldFailInventedClaims() {
        CheckResult result = checker.check(email("Now $19.99 only", "<p>Get 20% off with SAVE20</p>", ""),
                MessageKind.MARKETING, FACTS);

        assertThat(rules(result)).containsExactly("invented_price", "invented_percentage", "invented_code");
    }

    @Test
    void shouldPassAnAllowedClaim() {
        FactSheet facts = new FactSheet(FACTS.texts(), VALUES, List.of("Use code WELCOME10 for 10% off"), Set.of(),
                false, Set.of());

        assertThat(checker.check(new MessageContent.Push("Welcome, {{first_name}}!",
                "Use code WELCOME10 for 10% off", "{{url}}"), MessageKind.MARKETING, facts).complaints()).isEmpty();
    }

    @Test
    void shouldCatchALongFirstNamePushingAnSmsOverItsSegment() {
        String draft = "Shop: {{first_name}}, your cart is waiting: https://shop.example/cart Reply STOP to opt out";
        String shortName = Placeholders.fill(draft, Map.of("first_name", "Anna"));
        String longName = Placeholders.fill(draft, Map.of("first_name", "Maximilian-Alexander ".repeat(5).strip()));
        assertThat(shortName.length()).isLessThanOrEqualTo(160);
        assertThat(longName.length()).isGreaterThan(160);

        assertThat(checker.check(new MessageContent.Sms(draft), MessageKind.MARKETING, FACTS).passed()).isTrue();
        assertThat(checker.checkFilled(new MessageContent.Sms(shortName), MessageKind.MARKETING)).isEmpty();
        assertThat(checker.checkFilled(new MessageContent.Sms(longName), MessageKind.MARKETING))
                .extracting(Complaint::rule).containsExactly("too_many_segments");
        assertThat(checker.checkFilled(new MessageContent.Sms(longName), MessageKind.TRANSACTIONAL)).isEmpty();
    }

    @Test
    void shouldCheckFilledLengthsOfEveryChannel() {
        assertThat(checker.checkFilled(new MessageContent.Push("Hi " + "A".repeat(48), "b", "https://shop.example"),
                MessageKind.MARKETING)).extracting(Complaint::field).containsExactly("title");
        assertThat(checker.checkFilled(new MessageContent.Push("Hi Anna", "b", "https://shop.example"),
                MessageKind.MARKETING)).isEmpty();
    }
}
