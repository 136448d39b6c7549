package dev.herald.core.experiment;

import java.util.Arrays;
import java.util.Optional;

/** What an experiment is judged on: its primary metric. */
public enum Metric {
    /** The share of exposed users who order within the conversion window. */
    CONVERSION("conversion"),
    /** Revenue per exposed user within the conversion window. */
    REVENUE_PER_RECIPIENT("revenue_per_recipient"),
    /** The share of users sent a message who clicked. */
    CLICK("click");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The name used in files and the API, for example {@code revenue_per_recipient}. */
    public String key() {
        return key;
    }

    /** The metric with this key. */
    public static Optional<Metric> find(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }
}
