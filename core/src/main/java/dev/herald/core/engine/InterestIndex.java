package dev.herald.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which users remember a product (viewed or carted it recently), so that a catalog event (a price change) can be
 * fanned out to them. The engine keeps it equal to the users' remembered products, so it holds at most as many pairs
 * as users remember products; each user's own state decides whether the trigger applies.
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

    /** Forgets that a user is interested in a product. */
    void remove(String productId, String userId) {
        Object current = users.get(productId);
        switch (current) {
            case null -> {
                // Nothing indexed for the product.
            }
            case String single -> {
                if (single.equals(userId)) {
                    users.remove(productId);
                    pairs--;
                }
            }
            case String[] many -> {
                int at = Arrays.asList(many).indexOf(userId);
                if (at >= 0) {
                    String[] kept = new String[many.length - 1];
                    System.arraycopy(many, 0, kept, 0, at);
                    System.arraycopy(many, at + 1, kept, at, many.length - at - 1);
                    users.put(productId, kept.length == 1 ? kept[0] : kept);
                    pairs--;
                }
            }
            default -> {
                if (asSet(current).remove(userId)) {
                    pairs--;
                }
            }
        }
    }

    /** The products some user is interested in, sorted, for a snapshot. */
    List<String> products() {
        List<String> products = new ArrayList<>(users.keySet());
        products.sort(null);
        return products;
    }

    long pairs() {
        return pairs;
    }
}
