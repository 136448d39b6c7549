package dev.herald.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which users showed interest in a product, so that a catalog event (a price change) can be fanned out to them.
 * It may list users whose interest has since lapsed; each user's own state decides whether the trigger applies.
 *
 * <p>Implementation notes: most products interest one user, so a product maps to a single user id until a second
 * arrives, then to a small array, and past {@value #SMALL} users to an insertion-ordered set; ids are kept in
 * first-interest order so fan-out is deterministic.
 */
final class InterestIndex {

    private static final int SMALL = 16;

    private final Map<String, Object> users = new HashMap<>();
    private long pairs;

    void add(String productId, String userId) {
        Object current = users.get(productId);
        if (current == null) {
            users.put(productId, userId);
            pairs++;
        } else if (current instanceof String single) {
            if (!single.equals(userId)) {
                users.put(productId, new String[] {single, userId});
                pairs++;
            }
        } else if (current instanceof String[] many) {
            for (String id : many) {
                if (id.equals(userId)) {
                    return;
                }
            }
            if (many.length < SMALL) {
                String[] grown = Arrays.copyOf(many, many.length + 1);
                grown[many.length] = userId;
                users.put(productId, grown);
            } else {
                Set<String> set = new LinkedHashSet<>(Arrays.asList(many));
                set.add(userId);
                users.put(productId, set);
            }
            pairs++;
        } else if (asSet(current).add(userId)) {
            pairs++;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> asSet(Object users) {
        return (Set<String>) users;
    }

    private static List<String> asList(Object current) {
        return switch (current) {
            case String single -> List.of(single);
            case String[] many -> Arrays.asList(many);
            default -> new ArrayList<>(asSet(current));
        };
    }

    List<String> usersOf(String productId) {
        Object current = users.get(productId);
        if (current == null) {
            return List.of();
        }
        return new ArrayList<>(asList(current));
    }

    /** Keeps for each product only the users the predicate still finds interested. */
    void retain(BiPredicate<String, String> interested) {
        pairs = 0;
        users.replaceAll((product, current) -> {
            List<String> kept = new ArrayList<>();
            for (String user : asList(current)) {
                if (interested.test(product, user)) {
                    kept.add(user);
                }
            }
            pairs += kept.size();
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0)
                    : kept.size() <= SMALL ? kept.toArray(String[]::new) : new LinkedHashSet<>(kept);
        });
        users.values().removeIf(Objects::isNull);
    }

    long pairs() {
        return pairs;
    }
}
