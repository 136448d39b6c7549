package dev.herald.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A Herald that is killed mid-send: started in its own JVM by {@link CrashRecoveryTest}, it opens the database
 * in the folder it is given, stores an event, claims a message for sending, says {@code ready} and waits to be
 * killed.
 */
final class KilledHerald {

    private KilledHerald() {}

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.open(DatabaseSettings.embedded(Path.of(args[0])));
        Store store = new Store(database);
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        store.events().append(List.of(StoredEvent.of("e1", "u1", "checkout_started", now, now, "{}")));
        store.outbox().enqueue(OutboxEntry.pending("m_469077b6d4e1dadb", "u1", "cart_abandoned", "email",
                "marketing", "ann@example.com", "{}", now, null));
        store.outbox().claimDue(now, 10);
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
