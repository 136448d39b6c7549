/**
 * Herald's PostgreSQL store for the service: the database (embedded in the data folder, or external), its
 * versioned schema, and one class per table: {@link dev.herald.store.EventLog}, {@link dev.herald.store.Outbox},
 * {@link dev.herald.store.DecisionLog}, {@link dev.herald.store.Engagements}, {@link dev.herald.store.Inbox},
 * {@link dev.herald.store.Checkpoints}, {@link dev.herald.store.Exposures}, with {@link dev.herald.store.Users} for a
 * user's export and deletion and {@link dev.herald.store.ExperimentCounts} for experiments' reports.
 *
 * <p>Every method is one transaction. Times are {@code timestamptz} (microsecond precision: an {@link
 * java.time.Instant} with nanoseconds comes back rounded). JSON documents are {@code jsonb} passed as strings;
 * PostgreSQL stores them normalised, so a document reads back equal in meaning, not byte for byte.
 */
package dev.herald.store;
