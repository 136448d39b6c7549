package dev.herald.learn.ope.obd;

/**
 * One impression of the Open Bandit Dataset: the policy showed {@code item} in slot {@code position} with probability
 * {@code propensity}, and the user clicked it or not.
 *
 * @param item
 *            the item id, from 0
 * @param position
 *            the slot, from 1
 * @param click
 *            1 if clicked, else 0
 * @param propensity
 *            the probability the logging policy gave this item in this position
 */
public record OpenBanditRow(int item, int position, int click, double propensity) {}
