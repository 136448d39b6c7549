package dev.herald.core.state;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that nobody else holds: what {@link UserState}'s update methods build, so the
 * state's constructor can keep it without copying it again. Equal to any list with the same elements.
 */
final class Frozen<E> extends AbstractList<E> implements RandomAccess {

    private final Object[] elements;

    private Frozen(Object[] elements) {
        this.elements = elements;
    }

    /** Freezes an array the caller gives up. */
    static <E> List<E> of(Object[] elements, int size) {
        return size == 0 ? List.of() : new Frozen<>(size == elements.length ? elements
                : Arrays.copyOf(elements, size));
    }

    /** A list as the state keeps it: frozen lists as they are, anything else copied. */
    static <E> List<E> keep(List<E> list) {
        return list instanceof Frozen<E> ? list : List.copyOf(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
