package dev.herald.server.experiment;

import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.AllocationWeights;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.store.ExperimentCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weights the engine assigns bandit experiments' new users with, updated in the background: every
 * {@code every}, each running bandit experiment is counted from the store and its {@link BanditAllocator} gives the
 * next weights. Until the first update, and for experiments with a fixed allocation, the written weights apply.
 *
 * <p>Thread-safe: the engine's thread reads the weights while the update thread replaces them.
 */
public final class BanditWeights implements AllocationWeights, AutoCloseable {

    /** How often the weights are updated. */
    public static final Duration EVERY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(BanditWeights.class);

    private final Map<String, List<Double>> weights = new ConcurrentHashMap<>();
    private final ExperimentSet experiments;
    private final ExperimentCounts counts;
    private final BanditAllocator allocator;
    private final Clock engineTime;
    private ScheduledExecutorService updates;

    public BanditWeights(ExperimentSet experiments, ExperimentCounts counts, BanditAllocator allocator,
            Clock engineTime) {
        this.experiments = experiments;
        this.counts = counts;
        this.allocator = allocator;
        this.engineTime = engineTime;
    }

    /** Whether any experiment is a bandit, so that updates are worth running. */
    public boolean hasBandits() {
        return experiments.all().stream().anyMatch(e -> e.allocation() instanceof Allocation.Bandit);
    }

    @Override
    public List<Double> weightsOf(Experiment experiment) {
        return weights.getOrDefault(experiment.name(), experiment.weights());
    }

    /** Updates the weights of every running bandit experiment now; a failure keeps its previous weights. */
    public void update() {
        for (Experiment experiment : experiments.all()) {
            if (!(experiment.allocation() instanceof Allocation.Bandit)
                    || !experiment.isRunning(engineTime.instant())) {
                continue;
            }
            try {
                List<Double> next = allocator.weights(experiment, counts.count(experiment));
                if (next.size() != experiment.variants().size()) {
                    LOG.warn("experiment {}: the allocator gave {} weights for {} variants; kept the previous ones",
                            experiment.name(), next.size(), experiment.variants().size());
                    continue;
                }
                weights.put(experiment.name(), List.copyOf(next));
            } catch (RuntimeException e) {
                LOG.warn("experiment {}: updating the bandit's weights failed; kept the previous ones",
                        experiment.name(), e);
            }
        }
    }

    /** Starts updating every {@code every}, when there are bandit experiments; returns this. */
    public synchronized BanditWeights start(Duration every) {
        if (hasBandits() && updates == null) {
            updates = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("herald-bandit")
                    .daemon().factory());
            updates.scheduleWithFixedDelay(this::update, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (updates != null) {
            updates.shutdownNow();
            updates = null;
        }
    }
}
