package dev.herald.learn.ope;

import java.util.List;

/** Fits a {@link RewardModel} on logged rounds; the doubly robust estimator calls it once per cross-fitting fold. */
@FunctionalInterface
public interface RewardModelFitter {

    /**
     * @param rounds
     *            the training rounds, at least one
     * @param actionCount
     *            the number of actions
     * @return the fitted model, never null
     */
    RewardModel fit(List<LoggedRound> rounds, int actionCount);
}
