-- Herald's store: the event log, decisions, the outbox, engagement, the in-app inbox and engine checkpoints.
-- Times are timestamptz (microseconds), JSON documents are jsonb.

-- Every accepted event, in the order it was accepted. message_id is the sender's idempotency key: an event sent
-- twice is stored once. seq is the position in the log; the engine's checkpoints name the last seq they include.
CREATE TABLE events (
    seq         bigserial   PRIMARY KEY,
    message_id  text        NOT NULL UNIQUE,
    user_id     text,
    type        text        NOT NULL,
    event_time  timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL
);
CREATE INDEX events_by_user ON events (user_id, event_time DESC, seq DESC);

-- Messages to send. message_id is the decision id, the idempotency key given to the provider: a message is
-- enqueued once and claimed by one sender at a time. status: pending, sending, sent, failed, expired, unknown.
-- A row left in 'sending' by a crash becomes 'unknown' and is not sent again.
CREATE TABLE outbox (
    message_id      text        PRIMARY KEY,
    user_id         text        NOT NULL,
    trigger_id      text,
    channel         text        NOT NULL,
    kind            text        NOT NULL,
    address         text        NOT NULL,
    content         jsonb       NOT NULL,
    due_at          timestamptz NOT NULL,
    expires_at      timestamptz,
    status          text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    provider_id     text,
    last_error      text,
    created_at      timestamptz,
    updated_at      timestamptz,
    CONSTRAINT outbox_status CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'expired', 'unknown'))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, message_id) WHERE status = 'pending';
CREATE INDEX outbox_by_user ON outbox (user_id, due_at DESC);

-- Every decision the engine made, scheduled or suppressed, with its trace; upserted as it moves on.
CREATE TABLE decisions (
    id          text             PRIMARY KEY,
    user_id     text             NOT NULL,
    trigger_id  text             NOT NULL,
    outcome     text             NOT NULL,
    reason      text,
    channel     text,
    send_at     timestamptz,
    variant     text,
    propensity  double precision,
    policy      text,
    trace       jsonb            NOT NULL,
    content     jsonb,
    updated_at  timestamptz      NOT NULL
);
CREATE INDEX decisions_by_user ON decisions (user_id, updated_at DESC);
CREATE INDEX decisions_recent ON decisions (updated_at DESC, id DESC);

-- What happened to messages: delivered, opened, clicked, unsubscribed, bounced, converted (with revenue).
-- Every report is kept, repeated opens and clicks too.
CREATE TABLE engagement (
    id          bigserial   PRIMARY KEY,
    message_id  text,
    user_id     text        NOT NULL,
    type        text        NOT NULL,
    channel     text,
    at          timestamptz NOT NULL,
    revenue     numeric,
    detail      jsonb
);
CREATE INDEX engagement_by_message ON engagement (message_id, at);
CREATE INDEX engagement_by_user ON engagement (user_id, at DESC);

-- The in-app channel: messages the shop's app lists for a user.
CREATE TABLE inbox (
    message_id     text        PRIMARY KEY,
    user_id        text        NOT NULL,
    title          text,
    markdown       text,
    call_to_action text,
    url            text,
    created_at     timestamptz NOT NULL,
    read_at        timestamptz
);
CREATE INDEX inbox_by_user ON inbox (user_id, created_at DESC);

-- Snapshots of the engine's in-memory state; event_seq is the last event they include. The newest two are kept.
CREATE TABLE checkpoints (
    id          bigserial   PRIMARY KEY,
    event_seq   bigint      NOT NULL,
    engine_time timestamptz,
    state       bytea       NOT NULL,
    written_at  timestamptz NOT NULL
);
