/**
 * The send-time model: when each user engages, by hour of the week in their local time, and which send times inside a
 * message's window are most likely to be seen.
 *
 * <p>
 * An {@link dev.herald.learn.sendtime.EngagementRecorder} feeds engagements (orders, clicks, opens, sessions) into a
 * user's {@link dev.herald.learn.sendtime.EngagementClock} and the {@link dev.herald.learn.sendtime.PopulationPattern};
 * both decay exponentially ({@link dev.herald.learn.sendtime.Decay}). The
 * {@link dev.herald.learn.sendtime.SendTimeModel} shrinks the user's pattern toward the population's and ranks the
 * allowed slots of a {@link dev.herald.core.policy.PolicyRequest}; {@link dev.herald.learn.sendtime.ShrinkageStrength}
 * estimates the shrinkage strength from the users' data. docs/LEARNING.md gives the formulas and defaults.
 */
package dev.herald.learn.sendtime;
