package dev.herald.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The policies Herald ships, by name; how the command line and configuration pick one. */
public final class Policies {

    private static final Map<String, Supplier<Policy>> SHIPPED = Map.of(
            "seed", SeedPolicy::new,
            "random", RandomPolicy::new);

    private Policies() {}

    /** A new instance of the named policy. */
    public static Optional<Policy> find(String name) {
        return Optional.ofNullable(SHIPPED.get(name)).map(Supplier::get);
    }

    /** The names of the shipped policies, sorted. */
    public static List<String> names() {
        return SHIPPED.keySet().stream().sorted().toList();
    }
}
