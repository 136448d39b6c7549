package dev.herald.writer;

import dev.herald.core.decision.Subject;
import dev.herald.core.event.LineItem;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of products the writer has seen in messages, so that a draft naming another of the shop's products (one
 * the data did not give) is caught. Only distinctive names count (two words or more, eight characters or more), so
 * that an ordinary word is never taken for a product. Bounded; once full, it keeps what it has.
 */
final class KnownProducts {

    static final int LIMIT = 50_000;

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    void remember(Subject subject) {
        if (names.size() >= LIMIT) {
            return;
        }
        for (LineItem item : subject.items()) {
            String name = MessageFacts.clean(item.product().name(), MessageFacts.NAME_LIMIT);
            if (name.length() >= 8 && name.indexOf(' ') > 0) {
                names.add(name);
            }
        }
    }

    /** The known names other than those of the subject's items. */
    Set<String> namesOtherThan(Subject subject) {
        Set<String> own = new HashSet<>();
        for (LineItem item : subject.items()) {
            own.add(MessageFacts.clean(item.product().name(), MessageFacts.NAME_LIMIT).toLowerCase(Locale.ROOT));
        }
        Set<String> others = new HashSet<>();
        for (String name : names) {
            if (!own.contains(name.toLowerCase(Locale.ROOT))) {
                others.add(name);
            }
        }
        return others;
    }
}
