package dev.herald.experiments.stats;

/** Argument checks shared by the tests, with messages that say what to fix. */
final class Checks {

    private Checks() {}

    static void proportion(String arm, long successes, long trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("The " + arm + " needs at least 1 user, got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "The " + arm + "'s successes must be in [0, " + trials + "], got " + successes);
        }
    }

    static void alpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    static void atLeast(String arm, SampleMoments sample, long minimum) {
        if (sample.n() < minimum) {
            throw new IllegalArgumentException(
                    "The " + arm + " needs at least " + minimum + " users, got " + sample.n());
        }
    }
}
