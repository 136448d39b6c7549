package dev.herald.learn.ope;

import java.util.List;
import java.util.Objects;

/**
 * Logged decisions over a fixed set of actions {@code 0 .. actionCount - 1}: the input of every estimator.
 *
 * @param actionCount
 *            the number of actions a policy may choose from, at least 1
 * @param rounds
 *            the logged rounds, at least 2 (a standard error needs two), copied
 * @throws IllegalArgumentException
 *             if the logs are empty or too short, or a round's action is out of range
 */
public record LoggedBandit(int actionCount, List<LoggedRound> rounds) {

    public LoggedBandit {
        if (actionCount < 1) {
            throw new IllegalArgumentException("actionCount must be at least 1, got " + actionCount);
        }
        Objects.requireNonNull(rounds, "rounds");
        if (rounds.size() < 2) {
            throw new IllegalArgumentException("off-policy evaluation needs at least 2 logged rounds, got "
                    + rounds.size() + (rounds.isEmpty() ? " (the logs are empty)" : ""));
        }
        rounds = List.copyOf(rounds);
        for (int i = 0; i < rounds.size(); i++) {
            LoggedRound round = rounds.get(i);
            if (round.action() >= actionCount) {
                throw new IllegalArgumentException("round " + i + ": action " + round.action()
                        + " is out of range; actions are 0.." + (actionCount - 1));
            }
        }
    }

    /** The number of rounds. */
    public int size() {
        return rounds.size();
    }
}
