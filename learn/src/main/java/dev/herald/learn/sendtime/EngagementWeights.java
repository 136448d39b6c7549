package dev.herald.learn.sendtime;

/**
 * How much each kind of engagement adds to an hour's count. The defaults are order 4, click 2, open 1, session 0.5: an
 * order says most about when the user acts, a session least (it may have been started by anything).
 */
public record EngagementWeights(double order, double click, double open, double session) {

    /** Order 4, click 2, open 1, session 0.5. */
    public static final EngagementWeights DEFAULT = new EngagementWeights(4.0, 2.0, 1.0, 0.5);

    public EngagementWeights {
        check("order", order);
        check("click", click);
        check("open", open);
        check("session", session);
    }

    /** The weight of one engagement of that kind. */
    public double of(Engagement kind) {
        return switch (kind) {
            case ORDER -> order;
            case CLICK -> click;
            case OPEN -> open;
            case SESSION -> session;
        };
    }

    private static void check(String name, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the weight of " + name + " must be a finite number >= 0, got "
                    + weight);
        }
    }
}
