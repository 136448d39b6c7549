package dev.herald.experiments.stats;

import java.util.Objects;

/**
 * What happened to the users assigned to one variant of an experiment, up to some moment. Every count is a count of
 * distinct users: {@code converted} is the number of exposed users who converted at least once, not the number of
 * orders. Revenue is per user: {@code revenueSum} adds each exposed user's revenue (zero for most) and
 * {@code revenueSumOfSquares} adds its square, which is what Welch's t-test needs.
 *
 * <p>
 * The constructor checks the counts and throws {@link IllegalArgumentException} with a message naming the variant and
 * the inconsistent fields. Immutable and thread-safe.
 *
 * @param name
 *            the variant's name, as the user knows it ({@code "b"}, {@code "control"}); not blank
 * @param role
 *            control, treatment or holdout; not null
 * @param plannedWeight
 *            the share of the experiment's traffic this variant is meant to get, in (0, 1]
 * @param exposed
 *            users assigned to the variant (the denominator of every rate)
 * @param sent
 *            exposed users who were sent the message; zero for a holdout
 * @param delivered
 *            users whose message was delivered (at most {@code sent})
 * @param opened
 *            users who opened the message
 * @param clicked
 *            users who clicked in the message
 * @param converted
 *            users who converted
 * @param revenueSum
 *            the sum over exposed users of each user's revenue
 * @param revenueSumOfSquares
 *            the sum over exposed users of the square of each user's revenue
 * @param unsubscribed
 *            users who unsubscribed
 */
public record VariantCounts(String name, Role role, double plannedWeight, long exposed, long sent, long delivered,
        long opened, long clicked, long converted, double revenueSum, double revenueSumOfSquares, long unsubscribed) {

    /** Relative slack for the check that the sum of squares is consistent with the sum (rounding in the caller). */
    private static final double SQUARES_TOLERANCE = 1e-9;

    public VariantCounts {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A variant needs a name; got " + (name == null ? "null" : "a blank"));
        }
        Objects.requireNonNull(role, () -> "Variant '" + name + "' needs a role (CONTROL, TREATMENT or HOLDOUT)");
        if (!(plannedWeight > 0 && plannedWeight <= 1)) {
            throw new IllegalArgumentException(
                    "Variant '" + name + "': plannedWeight must be in (0, 1], got " + plannedWeight);
        }
        requireNotNegative(name, "exposed", exposed);
        requireNotNegative(name, "sent", sent);
        requireNotNegative(name, "delivered", delivered);
        requireNotNegative(name, "opened", opened);
        requireNotNegative(name, "clicked", clicked);
        requireNotNegative(name, "converted", converted);
        requireNotNegative(name, "unsubscribed", unsubscribed);
        requireAtMost(name, "sent", sent, "exposed", exposed);
        requireAtMost(name, "delivered", delivered, "sent", sent);
        requireAtMost(name, "opened", opened, "exposed", exposed);
        requireAtMost(name, "clicked", clicked, "exposed", exposed);
        requireAtMost(name, "converted", converted, "exposed", exposed);
        requireAtMost(name, "unsubscribed", unsubscribed, "exposed", exposed);
        if (!role.receivesMessage() && sent > 0) {
            throw new IllegalArgumentException("Variant '" + name + "' is a holdout but sent=" + sent
                    + "; a holdout receives no message, so its sent count must be 0");
        }
        if (!Double.isFinite(revenueSum) || !Double.isFinite(revenueSumOfSquares)) {
            throw new IllegalArgumentException("Variant '" + name + "': revenueSum and revenueSumOfSquares must be"
                    + " finite, got " + revenueSum + " and " + revenueSumOfSquares);
        }
        if (revenueSumOfSquares < 0) {
            throw new IllegalArgumentException("Variant '" + name + "': revenueSumOfSquares must not be negative, got "
                    + revenueSumOfSquares);
        }
        if (exposed == 0 && (revenueSum != 0 || revenueSumOfSquares != 0)) {
            throw new IllegalArgumentException("Variant '" + name + "' has revenue but no exposed users");
        }
        // Cauchy-Schwarz: n * sum(x^2) >= (sum x)^2. A violation means the sums were not built from per-user values.
        if (exposed > 0 && revenueSum * revenueSum / exposed > revenueSumOfSquares * (1 + SQUARES_TOLERANCE)
                + SQUARES_TOLERANCE) {
            throw new IllegalArgumentException("Variant '" + name + "': revenueSumOfSquares " + revenueSumOfSquares
                    + " is smaller than revenueSum^2/exposed = " + revenueSum * revenueSum / exposed
                    + "; it must be the sum over users of the square of each user's revenue");
        }
    }

    /**
     * A builder for the common case: name and role first, every count zero until set.
     *
     * @param name
     *            the variant's name
     * @param role
     *            its role
     * @return a builder whose {@link Builder#build()} runs the record's checks
     */
    public static Builder builder(String name, Role role) {
        return new Builder(name, role);
    }

    /** The mean revenue per exposed user; 0 when nobody is exposed yet. */
    public double revenuePerRecipient() {
        return exposed == 0 ? 0 : revenueSum / exposed;
    }

    private static void requireNotNegative(String name, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "Variant '" + name + "': " + field + " must not be negative, got " + value);
        }
    }

    private static void requireAtMost(String name, String field, long value, String limitField, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException("Variant '" + name + "': " + field + "=" + value + " is more than "
                    + limitField + "=" + limit + "; every count is of distinct users among the exposed");
        }
    }

    /** Builds a {@link VariantCounts}; counts default to zero and the planned weight to 1. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Role role;
        private double plannedWeight = 1;
        private long exposed;
        private long sent;
        private long delivered;
        private long opened;
        private long clicked;
        private long converted;
        private double revenueSum;
        private double revenueSumOfSquares;
        private long unsubscribed;

        private Builder(String name, Role role) {
            this.name = name;
            this.role = role;
        }

        public Builder plannedWeight(double value) {
            plannedWeight = value;
            return this;
        }

        public Builder exposed(long value) {
            exposed = value;
            return this;
        }

        public Builder sent(long value) {
            sent = value;
            return this;
        }

        public Builder delivered(long value) {
            delivered = value;
            return this;
        }

        public Builder opened(long value) {
            opened = value;
            return this;
        }

        public Builder clicked(long value) {
            clicked = value;
            return this;
        }

        public Builder converted(long value) {
            converted = value;
            return this;
        }

        /** Sets the per-user revenue sums ({@code sum x} and {@code sum x^2} over exposed users). */
        public Builder revenue(double sum, double sumOfSquares) {
            revenueSum = sum;
            revenueSumOfSquares = sumOfSquares;
            return this;
        }

        public Builder unsubscribed(long value) {
            unsubscribed = value;
            return this;
        }

        /** Builds the counts; throws {@link IllegalArgumentException} when they are inconsistent. */
        public VariantCounts build() {
            return new VariantCounts(name, role, plannedWeight, exposed, sent, delivered, opened, clicked, converted,
                    revenueSum, revenueSumOfSquares, unsubscribed);
        }
    }
}
