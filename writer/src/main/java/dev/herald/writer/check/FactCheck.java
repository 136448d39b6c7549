package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Finds claims in a draft's readable text that the fact sheet does not support: numbers, prices, percentages,
 * promo codes, offers and other products.
 *
 * <p>Each readable field (subject, preheader, the HTML's text, plain text, calls to action, SMS text, push title and
 * body, in-app title and Markdown) is first masked by {@link FactMask}. In what remains, in this order, each match
 * masked as it is judged so that no fragment is judged twice:
 *
 * <ol>
 *   <li>{@code invented_product}: a name of another product (whole words, any case, names of 4 or more
 *       characters) unless the name lies inside one of the facts' texts;
 *   <li>{@code invented_price}: a number next to a currency symbol or code ($ € £ ₽ ¥, USD EUR GBP RUB CNY, руб,
 *       р.) unless the number is in an allowed claim;
 *   <li>{@code invented_percentage}: a number followed by %, "percent" or "процент…" (and "off" if it follows)
 *       unless the number is in an allowed claim;
 *   <li>{@code invented_code}: the word after "code", "coupon", "promo code", "промокод" or "купон" (function words
 *       such as "is" or "below" excepted) unless it is in an allowed claim, and any upper-case token of 4 or more
 *       letters, digits and hyphens with at least one of each (SAVE20) unless it is in an allowed claim or is a word
 *       of one of the facts' texts (a model number);
 *   <li>{@code invented_offer}: an offer word unless an allowed claim has the same one; discount, sale, скидк… and
 *       "% off" are facts when the message is about a price drop;
 *   <li>{@code invented_number}: any other number unless it is one of the sheet's numbers, a number in one of the
 *       facts' texts ("iPhone 15" for "Apple iPhone 15 Pro") or in an allowed claim.
 * </ol>
 *
 * <p>Numbers glued to a letter before them (S24, iPhone15) are read as parts of names, not as numbers.
 */
final class FactCheck {

    /** The kinds of claim, each with its complaint rule and how its message describes the fragment. */
    private enum Claim {
        PRODUCT("invented_product", "names the product %s, which this message is not about"),
        PRICE("invented_price", "states the price %s, which the data does not give"),
        PERCENTAGE("invented_percentage", "states the percentage %s, which the data does not give"),
        CODE("invented_code", "states the code %s, which the data does not give"),
        OFFER("invented_offer", "offers %s, which the data does not give"),
        NUMBER("invented_number", "states the number %s, which the data does not give");

        final String rule;
        final String description;

        Claim(String rule, String description) {
            this.rule = rule;
            this.description = description;
        }
    }

    /** One offer word's pattern, and whether a price drop makes it a fact. */
    private record Offer(Pattern pattern, boolean priceDropFact) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NUMBER = "(?:\\d{1,3}(?:[\\h,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)";
    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_BEFORE_LETTER = "(?![\\p{L}])";
    private static final String CURRENCY = "(?:[$€£₽¥]|(?:USD|EUR|GBP|RUB|CNY)" + NOT_BEFORE_LETTER + ")";

    private static final Pattern MONEY = Pattern.compile(CURRENCY + "\\h*(?<n1>" + NUMBER + ")|" + NOT_AFTER_WORD
            + "(?<n2>" + NUMBER + ")\\h*(?:" + CURRENCY + "|руб\\p{L}*\\.?|р\\.)", FLAGS);
    private static final Pattern PERCENTAGE = Pattern.compile(NOT_AFTER_WORD + "(?<n>" + NUMBER
            + ")\\h*(?:%|per\\h?cent" + NOT_BEFORE_LETTER + "|процент\\p{L}*)(?:\\h*off" + NOT_BEFORE_LETTER + ")?",
            FLAGS);
    /** Words after "code" or "coupon" that are not a code: "the code below", "your coupon is". */
    private static final String NOT_A_CODE = "(?:is|are|at|for|to|and|or|the|a|an|in|on|of|below|above|here|will"
            + "|you|your|и|в|на|для|ниже|по|не)(?![\\p{L}\\p{N}])";
    private static final Pattern CODE_AFTER_WORD = Pattern.compile("(?<![\\p{L}])(?:promo\\h*code|code|coupon"
            + "|промокод\\p{L}*|купон\\p{L}*)(?![\\p{L}])[\\h:–—-]*[\"'«“]?(?!" + NOT_A_CODE
            + ")(?<code>[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*)", FLAGS);
    private static final Pattern UPPER_CASE_CODE = Pattern.compile("(?<![\\p{L}\\p{N}_-])(?=[\\p{Lu}\\p{N}-]*\\p{Lu})"
            + "(?=[\\p{Lu}\\p{N}-]*\\p{N})[\\p{Lu}\\p{N}][\\p{Lu}\\p{N}-]{3,}(?![\\p{L}\\p{N}_-])");
    private static final Pattern BARE_NUMBER = Pattern.compile(NOT_AFTER_WORD + NUMBER);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

    private static final List<Offer> OFFERS = List.of(offer("discount\\p{L}*", true),
            offer("coupon\\p{L}*", false), offer("promo\\p{L}*", false),
            offer("voucher\\p{L}*", false), offer("free\\h+shipping", false),
            offer("free\\h+delivery", false), offer("gift\\p{L}*", false),
            offer("bonus\\p{L}*", false), offer("sales?" + NOT_BEFORE_LETTER, true),
            new Offer(Pattern.compile("%\\h*off" + NOT_BEFORE_LETTER, FLAGS), true),
            offer("скидк\\p{L}*", true), offer("купон\\p{L}*", false),
            offer("промокод\\p{L}*", false), offer("бесплатн\\p{L}*", false),
            offer("подар\\p{L}*", false), offer("бонус\\p{L}*", false),
            offer("распродаж\\p{L}*", false));

    private static final int SHORTEST_PRODUCT_NAME = 4;

    private final FactSheet facts;
    private final FactMask mask;
    private final Optional<Pattern> otherProducts;
    private final Set<String> claimNumbers;
    private final Set<String> claimWords;
    private final Set<String> textNumbers;
    private final Set<String> textWords;
    private final Set<String> numbers;
    private final String tail;

    FactCheck(FactSheet facts) {
        this.facts = facts;
        this.mask = new FactMask(facts);
        this.claimNumbers = numbersIn(facts.allowedClaims());
        this.claimWords = wordsIn(facts.allowedClaims());
        this.textNumbers = numbersIn(facts.texts());
        this.textWords = wordsIn(facts.texts());
        Set<String> given = new HashSet<>();
        facts.numbers().forEach(number -> given.add(normal(number.strip())));
        this.numbers = Set.copyOf(given);
        List<String> others = new ArrayList<>();
        for (String name : facts.otherProductNames()) {
            String stripped = name.strip();
            if (stripped.codePointCount(0, stripped.length()) >= SHORTEST_PRODUCT_NAME && !inTexts(stripped)) {
                others.add(stripped);
            }
        }
        this.otherProducts = FactMask.phrases(others);
        Set<String> priceNames = new TreeSet<>();
        for (String name : facts.placeholders().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("price") || lower.contains("percent")) {
                priceNames.add(name);
            }
        }
        this.tail = "; state no number, price, percentage, discount, code or product that the data does not give;"
                + " use the placeholders for prices" + (priceNames.isEmpty() ? "" : " (" + Placeholders.list(
                        priceNames) + ")");
    }

    /** Complaints about the claims in a draft's readable fields (cleaned HTML, placeholders unfilled). */
    List<Complaint> check(MessageContent draft) {
        List<Complaint> complaints = new ArrayList<>(0);
        for (Field field : readable(draft)) {
            complaints.addAll(check(field.name(), field.value()));
        }
        return complaints;
    }

    /** Complaints about the claims in one field's text. */
    List<Complaint> check(String field, String text) {
        Set<Complaint> complaints = new LinkedHashSet<>();
        Judge judge = new Judge(field, complaints);
        String rest = mask.apply(text);
        if (otherProducts.isPresent()) {
            rest = judge.scan(rest, otherProducts.get(), Claim.PRODUCT, match -> false);
        }
        rest = judge.scan(rest, MONEY, Claim.PRICE,
                match -> claimNumbers.contains(normal(match.group("n1") != null ? match.group("n1")
                        : match.group("n2"))));
        rest = judge.scan(rest, PERCENTAGE, Claim.PERCENTAGE,
                match -> claimNumbers.contains(normal(match.group("n"))));
        rest = judge.scan(rest, CODE_AFTER_WORD, Claim.CODE,
                match -> claimWords.contains(match.group("code").toUpperCase(Locale.ROOT)));
        rest = judge.scan(rest, UPPER_CASE_CODE, Claim.CODE,
                match -> claimWords.contains(match.group()) || textWords.contains(match.group()));
        for (Offer offer : OFFERS) {
            rest = judge.scan(rest, offer.pattern(), Claim.OFFER,
                    match -> (offer.priceDropFact() && facts.priceDrop()) || inClaims(offer.pattern()));
        }
        judge.scan(rest, BARE_NUMBER, Claim.NUMBER, match -> {
            String value = normal(match.group());
            return numbers.contains(value) || textNumbers.contains(value) || claimNumbers.contains(value);
        });
        return new ArrayList<>(complaints);
    }

    /** The fields a person reads, with the HTML reduced to its text. */
    static List<Field> readable(MessageContent draft) {
        return switch (draft) {
            case MessageContent.Email e -> List.of(new Field("subject", e.subject()),
                    new Field("preheader", e.preheader()),
                    new Field("html", Jsoup.parseBodyFragment(e.html()).body().text()), new Field("text", e.text()),
                    new Field("callToAction", e.callToAction()));
            case MessageContent.Sms s -> List.of(new Field("text", s.text()));
            case MessageContent.Push p -> List.of(new Field("title", p.title()), new Field("body", p.body()));
            case MessageContent.InApp a -> List.of(new Field("title", a.title()), new Field("markdown", a.markdown()),
                    new Field("callToAction", a.callToAction()));
        };
    }

    /** Judges the matches of one rule in one field and masks them. */
    private final class Judge {

        private final String field;
        private final Set<Complaint> complaints;

        Judge(String field, Set<Complaint> complaints) {
            this.field = field;
            this.complaints = complaints;
        }

        /** Complains about each match that is not allowed; returns the text with every match masked. */
        String scan(String text, Pattern pattern, Claim claim, Predicate<MatchResult> allowed) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder rest = new StringBuilder(text.length());
            while (matcher.find()) {
                if (!allowed.test(matcher.toMatchResult())) {
                    String fragment = "\"" + matcher.group().strip() + "\"";
                    complaints.add(new Complaint(field, claim.rule,
                            field + " " + String.format(claim.description, fragment) + tail));
                }
                matcher.appendReplacement(rest, Matcher.quoteReplacement(FactMask.MASK));
            }
            matcher.appendTail(rest);
            return rest.toString();
        }
    }

    private boolean inTexts(String name) {
        Optional<Pattern> pattern = FactMask.phrases(List.of(name));
        return pattern.isPresent() && facts.texts().stream().anyMatch(text -> pattern.get().matcher(text).find());
    }

    private boolean inClaims(Pattern pattern) {
        return facts.allowedClaims().stream().anyMatch(claim -> pattern.matcher(claim).find());
    }

    private static Offer offer(String stem, boolean priceDropFact) {
        return new Offer(Pattern.compile("(?<![\\p{L}])" + stem, FLAGS), priceDropFact);
    }

    private static Set<String> numbersIn(List<String> texts) {
        Set<String> found = new HashSet<>();
        for (String text : texts) {
            Matcher matcher = BARE_NUMBER.matcher(text);
            while (matcher.find()) {
                found.add(normal(matcher.group()));
            }
        }
        return Set.copyOf(found);
    }

    private static Set<String> wordsIn(List<String> texts) {
        Set<String> found = new HashSet<>();
        for (String text : texts) {
            Matcher matcher = WORD.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group().toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(found);
    }

    /** A number as written, without grouping spaces and with a comma read as a point. */
    private static String normal(String number) {
        return number.replaceAll("\\h", "").replace(',', '.');
    }
}
