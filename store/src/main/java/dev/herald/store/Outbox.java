package dev.herald.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Messages waiting to go out, and what became of them (table {@code outbox}). A message id is enqueued once; a
 * sender claims due messages ({@code FOR UPDATE SKIP LOCKED}, so concurrent senders never claim the same one) and
 * records the outcome. Herald prefers never sending twice to always sending: a message whose sender stopped
 * mid-send is marked {@link OutboxStatus#UNKNOWN} at the next start, not retried.
 *
 * <p>The {@code mark} methods change a row only from the statuses named in their documentation and say whether
 * they did; outcomes that come too late (for a message already expired or recovered) change nothing.
 */
public final class Outbox {

    private static final String COLUMNS = "message_id, user_id, trigger_id, channel, kind, address, content, due_at,"
            + " expires_at, status, attempts, next_attempt_at, provider_id, last_error, created_at, updated_at";

    private static final Comparator<OutboxEntry> DUE_ORDER = Comparator.comparing(OutboxEntry::nextAttemptAt)
            .thenComparing(OutboxEntry::messageId);

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Adds the message unless its id is already in the outbox (whatever its status).
     *
     * @return whether it was added
     */
    public boolean enqueue(OutboxEntry entry) {
        return Jdbc.transaction(dataSource, "enqueue message " + entry.messageId(), connection -> Jdbc.update(
                connection, "INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?,"
                        + " ?, ?, ?, ?, ?, coalesce(?, now()), coalesce(?, ?, now()))"
                        + " ON CONFLICT (message_id) DO NOTHING",
                insert -> {
                    insert.setString(1, entry.messageId());
                    insert.setString(2, entry.userId());
                    Jdbc.setText(insert, 3, entry.triggerId());
                    insert.setString(4, entry.channel());
                    insert.setString(5, entry.kind());
                    insert.setString(6, entry.address());
                    insert.setString(7, entry.content());
                    Jdbc.setTime(insert, 8, entry.dueAt());
                    Jdbc.setTime(insert, 9, entry.expiresAt());
                    insert.setString(10, entry.status().key());
                    insert.setInt(11, entry.attempts());
                    Jdbc.setTime(insert, 12, entry.nextAttemptAt());
                    Jdbc.setText(insert, 13, entry.providerId());
                    Jdbc.setText(insert, 14, entry.lastError());
                    Jdbc.setTime(insert, 15, entry.createdAt());
                    Jdbc.setTime(insert, 16, entry.updatedAt());
                    Jdbc.setTime(insert, 17, entry.createdAt());
                }) == 1);
    }

    /**
     * Claims up to {@code limit} pending messages whose next attempt is due at {@code now}, the earliest first:
     * each becomes {@link OutboxStatus#SENDING} with one more attempt. Rows another sender holds are skipped.
     *
     * @return the claimed messages as they are now, earliest attempt first
     */
    public List<OutboxEntry> claimDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        Jdbc.limit(limit);
        List<OutboxEntry> claimed = Jdbc.transaction(dataSource, "claim due messages", connection -> Jdbc.list(
                connection, """
                        UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, updated_at = ?
                        FROM (SELECT message_id FROM outbox
                              WHERE status = 'pending' AND next_attempt_at <= ?
                              ORDER BY next_attempt_at, message_id
                              LIMIT ?
                              FOR UPDATE SKIP LOCKED) due
                        WHERE o.message_id = due.message_id
                        RETURNING o.*""",
                update -> {
                    Jdbc.setTime(update, 1, now);
                    Jdbc.setTime(update, 2, now);
                    update.setInt(3, limit);
                }, Outbox::read));
        return claimed.stream().sorted(DUE_ORDER).toList();
    }

    /**
     * Records that the provider took the message: {@code sending} becomes {@code sent}.
     *
     * @param providerId the provider's id for it, or {@code null}
     * @return whether the message was being sent
     */
    public boolean markSent(String messageId, String providerId, Instant at) {
        Objects.requireNonNull(at, "at");
        return change(messageId, "mark message " + messageId + " sent", """
                UPDATE outbox SET status = 'sent', provider_id = ?, last_error = NULL, updated_at = ?
                WHERE message_id = ? AND status = 'sending'""", update -> {
            Jdbc.setText(update, 1, providerId);
            Jdbc.setTime(update, 2, at);
            update.setString(3, messageId);
        });
    }

    /**
     * Puts the message back to {@code pending} for another attempt at {@code next}: a failure that may pass.
     *
     * @return whether the message was being sent
     */
    public boolean markRetry(String messageId, Instant next, String error) {
        Objects.requireNonNull(next, "next");
        return change(messageId, "schedule a retry of message " + messageId, """
                UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, updated_at = now()
                WHERE message_id = ? AND status = 'sending'""", update -> {
            Jdbc.setTime(update, 1, next);
            Jdbc.setText(update, 2, error);
            update.setString(3, messageId);
        });
    }

    /**
     * Records that the message will not be sent: {@code pending} or {@code sending} becomes {@code failed}.
     *
     * @return whether the message was pending or being sent
     */
    public boolean markFailed(String messageId, String error) {
        return finish(messageId, OutboxStatus.FAILED, error);
    }

    /**
     * Records that the message was not sent in time: {@code pending} or {@code sending} becomes {@code expired}.
     *
     * @return whether the message was pending or being sent
     */
    public boolean markExpired(String messageId, String reason) {
        return finish(messageId, OutboxStatus.EXPIRED, reason);
    }

    private boolean finish(String messageId, OutboxStatus status, String error) {
        return change(messageId, "mark message " + messageId + " " + status.key(), """
                UPDATE outbox SET status = ?, last_error = ?, updated_at = now()
                WHERE message_id = ? AND status IN ('pending', 'sending')""", update -> {
            update.setString(1, status.key());
            Jdbc.setText(update, 2, error);
            update.setString(3, messageId);
        });
    }

    private boolean change(String messageId, String what, String sql, Jdbc.Parameters parameters) {
        Objects.requireNonNull(messageId, "messageId");
        return Jdbc.transaction(dataSource, what, connection -> Jdbc.update(connection, sql, parameters) == 1);
    }

    /**
     * At start-up, before any sender runs: messages left {@code sending} by a stop mid-send become
     * {@link OutboxStatus#UNKNOWN}. They are not retried, since the provider may have them already.
     *
     * @return how many there were
     */
    public int recoverInterrupted() {
        return Jdbc.transaction(dataSource, "recover interrupted sends", connection -> Jdbc.update(connection, """
                UPDATE outbox SET status = 'unknown',
                    last_error = 'Herald stopped while sending; not retried, the provider may have it',
                    updated_at = now()
                WHERE status = 'sending'""", update -> {}));
    }

    /** The message with the given id. */
    public Optional<OutboxEntry> find(String messageId) {
        return Jdbc.transaction(dataSource, "read message " + messageId, connection -> Jdbc.one(connection,
                "SELECT " + COLUMNS + " FROM outbox WHERE message_id = ?",
                query -> query.setString(1, messageId), Outbox::read));
    }

    /** The user's messages, the latest due first. */
    public List<OutboxEntry> forUser(String userId, int limit) {
        Jdbc.limit(limit);
        return Jdbc.transaction(dataSource, "read the messages of user " + userId,
                connection -> forUser(connection, userId, limit));
    }

    static List<OutboxEntry> forUser(Connection connection, String userId, int limit) throws SQLException {
        return Jdbc.list(connection,
                "SELECT " + COLUMNS + " FROM outbox WHERE user_id = ? ORDER BY due_at DESC, message_id DESC LIMIT ?",
                query -> {
                    query.setString(1, userId);
                    query.setInt(2, limit);
                }, Outbox::read);
    }

    /**
     * The user a channel's address (a phone number, an email address) last sent to belongs to, for replies that
     * come back by address (an SMS "STOP").
     */
    public Optional<String> userOfAddress(String channel, String address) {
        return Jdbc.transaction(dataSource, "find the user of an address", connection -> Jdbc.list(connection,
                "SELECT user_id FROM outbox WHERE channel = ? AND address = ? ORDER BY created_at DESC LIMIT 1",
                query -> {
                    query.setString(1, channel);
                    query.setString(2, address);
                }, row -> row.getString(1)).stream().findFirst());
    }

    /** How many messages there are in each status (by its key); statuses with none are left out. */
    public Map<String, Long> countByStatus() {
        return Jdbc.transaction(dataSource, "count messages by status",
                connection -> Jdbc.counts(connection,
                        "SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status"));
    }

    /** How many messages are pending (due or not). */
    public long pendingCount() {
        return Jdbc.transaction(dataSource, "count pending messages", connection -> Jdbc
                .one(connection, "SELECT count(*) FROM outbox WHERE status = 'pending'", query -> {},
                        row -> row.getLong(1))
                .orElse(0L));
    }

    private static OutboxEntry read(ResultSet row) throws SQLException {
        return new OutboxEntry(
                row.getString("message_id"),
                row.getString("user_id"),
                row.getString("trigger_id"),
                row.getString("channel"),
                row.getString("kind"),
                row.getString("address"),
                row.getString("content"),
                Jdbc.time(row, "due_at"),
                Jdbc.time(row, "expires_at"),
                OutboxStatus.ofKey(row.getString("status")),
                row.getInt("attempts"),
                Jdbc.time(row, "next_attempt_at"),
                row.getString("provider_id"),
                row.getString("last_error"),
                Jdbc.time(row, "created_at"),
                Jdbc.time(row, "updated_at"));
    }
}
