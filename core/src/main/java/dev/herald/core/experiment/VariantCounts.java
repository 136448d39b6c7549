package dev.herald.core.experiment;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What happened in one arm of an experiment, counted from the store: the input of an experiment's report and of its
 * statistics. Users are counted once per arm; messages are the arm's messages in the experiment.
 *
 * @param role control, treatment or holdout
 * @param plannedShare the share of users the arm is planned to get (the sample-ratio check compares
 *     {@code exposed} with it)
 * @param exposed users assigned to the arm at the moment they would have got a message: the sample size
 * @param sent messages handed to a provider (outbox status {@code sent})
 * @param delivered messages a provider reported delivered (SMS, push and webhook report it; SMTP does not)
 * @param recipients users sent at least one message
 * @param opened users who opened one of the arm's messages
 * @param clicked users who clicked one of the arm's messages
 * @param unsubscribed users who unsubscribed from one of the arm's messages
 * @param attributed users with an order attributed to one of the arm's messages (a click or view before it)
 * @param converted exposed users who ordered within the conversion window after their exposure
 * @param revenue the sum over exposed users of their orders' revenue within the window
 * @param revenueSquares the sum over exposed users of their revenue squared (users without orders add 0), for the
 *     variance of revenue per user
 */
public record VariantCounts(
        String experiment,
        String variant,
        Role role,
        double plannedShare,
        long exposed,
        long sent,
        long delivered,
        long recipients,
        long opened,
        long clicked,
        long unsubscribed,
        long attributed,
        long converted,
        double revenue,
        double revenueSquares) {

    public VariantCounts {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(role, "role");
    }

    /** Users who opened, per recipient. */
    public OptionalDouble openRate() {
        return ratio(opened, recipients);
    }

    /** Users who clicked, per recipient. */
    public OptionalDouble clickRate() {
        return ratio(clicked, recipients);
    }

    /** Users who unsubscribed, per recipient: the guardrail. */
    public OptionalDouble unsubscribeRate() {
        return ratio(unsubscribed, recipients);
    }

    /** Users with an order attributed to a message, per recipient: the seed's conversion rate. */
    public OptionalDouble conversionPerRecipient() {
        return ratio(attributed, recipients);
    }

    /** Users who ordered within the window, per exposed user: the experiment's conversion rate. */
    public OptionalDouble conversionRate() {
        return ratio(converted, exposed);
    }

    /** Revenue within the window per exposed user. */
    public OptionalDouble revenuePerUser() {
        return exposed == 0 ? OptionalDouble.empty() : OptionalDouble.of(revenue / exposed);
    }

    private static OptionalDouble ratio(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
