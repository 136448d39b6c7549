package dev.herald.core.engine;

import dev.herald.core.decision.FatigueRules;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.experiment.AllocationWeights;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.policy.Policy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.trigger.TriggerSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How an engine decides.
 *
 * @param quietHours quiet hours per channel, in the user's local time; channels not listed have none
 * @param defaultZone the time zone of users whose traits give none
 * @param defaultLocale the language of users whose traits give none
 * @param newUserProfile the profile a user starts with before any traits arrive ({@link Profile#EMPTY} live)
 * @param maxInterests how many recently viewed or carted products to remember per user
 * @param historyKeep how long sent messages are remembered for caps and engagement facts
 * @param seed the seed of randomised policies; with the same seed, the same log gives the same decisions
 * @param lateness how late (in event time) an event may arrive and still be processed in order; {@code null}
 *     for no limit (every event is held until {@link Engine#flush()}, as a replay of a file does)
 * @param experiments the experiments on the triggers' messages ({@link ExperimentSet#EMPTY} for none)
 * @param allocationWeights the current weights of bandit experiments ({@link AllocationWeights#PLANNED} keeps the
 *     written ones)
 */
public record EngineConfig(
        TriggerSet triggers,
        Policy policy,
        FatigueRules fatigue,
        Map<Channel, QuietHours> quietHours,
        ZoneId defaultZone,
        String defaultLocale,
        Profile newUserProfile,
        int maxInterests,
        Duration historyKeep,
        long seed,
        Duration lateness,
        ExperimentSet experiments,
        AllocationWeights allocationWeights) {

    public EngineConfig {
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fatigue, "fatigue");
        quietHours = Map.copyOf(quietHours);
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        Objects.requireNonNull(newUserProfile, "newUserProfile");
        if (maxInterests < 1) {
            throw new IllegalArgumentException("maxInterests must be at least 1, got " + maxInterests);
        }
        Objects.requireNonNull(historyKeep, "historyKeep");
        if (historyKeep.compareTo(fatigue.window()) < 0) {
            throw new IllegalArgumentException("history must be kept at least as long as the fatigue window ("
                    + fatigue.window() + "), got " + historyKeep);
        }
        if (lateness != null && lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative, got " + lateness);
        }
        Objects.requireNonNull(experiments, "experiments");
        for (Experiment experiment : experiments.all()) {
            ExperimentSet.problem(experiment, triggers).ifPresent(problem -> {
                throw new IllegalArgumentException("experiment " + experiment.name() + ": " + problem);
            });
        }
        Objects.requireNonNull(allocationWeights, "allocationWeights");
    }

    /**
     * The defaults around a trigger set and a policy: the default fatigue rules, quiet hours 21:00 to 09:00 for SMS
     * and push, UTC, English, users unknown until identified, 8 remembered products, 30 days of history, seed 1,
     * a lateness of one hour, and no experiments.
     */
    public static EngineConfig defaults(TriggerSet triggers, Policy policy) {
        return new EngineConfig(triggers, policy, FatigueRules.DEFAULTS,
                Map.of(Channel.SMS, QuietHours.DEFAULT, Channel.PUSH, QuietHours.DEFAULT), ZoneId.of("UTC"), "en",
                Profile.EMPTY, 8, Duration.ofDays(30), 1L, Duration.ofHours(1), ExperimentSet.EMPTY,
                AllocationWeights.PLANNED);
    }

    public EngineConfig withPolicy(Policy newPolicy) {
        return new EngineConfig(triggers, newPolicy, fatigue, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, lateness, experiments, allocationWeights);
    }

    public EngineConfig withNewUserProfile(Profile profile) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, defaultZone, defaultLocale, profile,
                maxInterests, historyKeep, seed, lateness, experiments, allocationWeights);
    }

    public EngineConfig withDefaultZone(ZoneId zone) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, zone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, lateness, experiments, allocationWeights);
    }

    public EngineConfig withLateness(Duration newLateness) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, newLateness, experiments, allocationWeights);
    }

    public EngineConfig withFatigue(FatigueRules rules) {
        return new EngineConfig(triggers, policy, rules, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, lateness, experiments, allocationWeights);
    }

    public EngineConfig withSeed(long newSeed) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, newSeed, lateness, experiments, allocationWeights);
    }

    /** This configuration with experiments (checked against its triggers). */
    public EngineConfig withExperiments(ExperimentSet newExperiments) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, lateness, newExperiments, allocationWeights);
    }

    /** This configuration with another source of bandit weights. */
    public EngineConfig withAllocationWeights(AllocationWeights weights) {
        return new EngineConfig(triggers, policy, fatigue, quietHours, defaultZone, defaultLocale, newUserProfile,
                maxInterests, historyKeep, seed, lateness, experiments, weights);
    }
}
