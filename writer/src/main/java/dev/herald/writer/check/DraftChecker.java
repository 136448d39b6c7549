package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import dev.herald.core.trigger.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks and cleans the writer's drafts before use.
 *
 * <p>{@link #check} runs every rule once per draft, placeholders unfilled: the placeholders used must be the fact
 * sheet's ({@link Placeholders}); the email's HTML is sanitised and its plain-text part made whole
 * ({@link EmailCleaner}); lengths ({@link ChannelLimits}) and SMS segments ({@link SmsCheck}) are measured with the
 * placeholders filled in from the sheet, as the user gets them; a marketing SMS must carry opt-out wording; links
 * must stay on the shop's domains ({@link LinkCheck}); in-app Markdown must hold no HTML; and the draft must claim
 * nothing the data does not give ({@link FactCheck}).
 *
 * <p>{@link #checkFilled} runs again for each user once the placeholders are filled in with that user's values: only
 * lengths and segments, which those values can change, without parsing anything.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class DraftChecker {

    private final EmailCleaner emailCleaner;
    private final SmsCheck sms;
    private final LinkCheck links;

    /** @param rules the shop's link domains, image hosts and SMS segment limits */
    public DraftChecker(CheckRules rules) {
        Objects.requireNonNull(rules, "rules");
        this.emailCleaner = new EmailCleaner(new HtmlCleaner(rules.imageHosts()));
        this.sms = new SmsCheck(rules);
        this.links = new LinkCheck(rules);
    }

    /**
     * Checks a draft whose placeholders are not yet filled in.
     *
     * @param draft the model's draft
     * @param kind marketing or transactional, for the SMS rules
     * @param facts what the draft may state, and the placeholders with this message's values
     * @return the cleaned draft, the complaints to send back to the model, and notes on the cleaning
     */
    public CheckResult check(MessageContent draft, MessageKind kind, FactSheet facts) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(facts, "facts");
        List<Complaint> complaints = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        MessageContent cleaned = draft;
        MessageContent written = draft;
        if (draft instanceof MessageContent.Email email) {
            EmailCleaner.Cleaned result = emailCleaner.clean(email);
            cleaned = result.email();
            written = new MessageContent.Email(email.subject(), email.preheader(), result.email().html(),
                    email.text(), email.callToAction(), email.url());
            notes.addAll(result.notes());
            complaints.addAll(result.complaints());
        }

        complaints.addAll(Placeholders.check(written, facts.placeholders().keySet()));
        MessageContent filled = Placeholders.fill(cleaned, facts.placeholders());
        complaints.addAll(ChannelLimits.check(filled));
        if (filled instanceof MessageContent.Sms text) {
            sms.segments(text.text(), kind).ifPresent(complaints::add);
        }
        if (written instanceof MessageContent.Sms text) {
            sms.optOut(text.text(), kind).ifPresent(complaints::add);
        }
        if (written instanceof MessageContent.InApp inApp) {
            PlainText.firstTag(inApp.markdown()).ifPresent(tag -> complaints.add(new Complaint("markdown",
                    "html_in_markdown", "markdown contains the HTML tag " + tag
                            + "; write Markdown only, for example [label](url) for a link and **word** for bold")));
        }
        complaints.addAll(links.check(written, facts.placeholders()));
        complaints.addAll(new FactCheck(facts).check(written));
        return new CheckResult(cleaned, complaints, notes);
    }

    /**
     * Checks a draft again once its placeholders are filled in for a user: lengths and SMS segments only. Cheap
     * enough to run for every user: it parses nothing.
     *
     * @param filled the checked draft with this user's values filled in
     * @param kind marketing or transactional, for the SMS segment limit
     * @return the limits the filled draft breaks; empty if none
     */
    public List<Complaint> checkFilled(MessageContent filled, MessageKind kind) {
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(kind, "kind");
        List<Complaint> complaints = ChannelLimits.check(filled);
        if (filled instanceof MessageContent.Sms s) {
            sms.segments(s.text(), kind).ifPresent(complaints::add);
        }
        return complaints;
    }
}
