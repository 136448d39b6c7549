package dev.herald.experiments.stats;

/**
 * The always-valid reading of a comparison (mixture sequential probability ratio test): a p-value and a confidence
 * interval that stay valid however often they are looked at and whenever the experiment is stopped. Immutable.
 *
 * @param pValue
 *            the always-valid p-value of "no difference", in [0, 1]; over several looks, the running minimum of
 *            {@code min(1, 1 / Lambda)}
 * @param ciLow
 *            the lower end of the always-valid (1 - alpha) confidence interval of the difference; over several looks
 *            the intersection of the intervals seen
 * @param ciHigh
 *            its upper end
 * @param tauSquared
 *            the mixing variance used at the latest look; 0 when every user had the same value
 * @param looks
 *            how many looks this estimate summarises (1 for a single look)
 */
public record AlwaysValidEstimate(double pValue, double ciLow, double ciHigh, double tauSquared, long looks) {}
