package dev.herald.store;

import java.util.Objects;

/** The tables of one {@link Database}, for the server's composition root. Closing is the database's. */
public final class Store {

    private final Database database;
    private final EventLog events;
    private final Outbox outbox;
    private final DecisionLog decisions;
    private final Engagements engagements;
    private final Inbox inbox;
    private final Checkpoints checkpoints;
    private final Users users;
    private final Exposures exposures;
    private final ExperimentCounts experimentCounts;

    public Store(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.events = new EventLog(database.dataSource());
        this.outbox = new Outbox(database.dataSource());
        this.decisions = new DecisionLog(database.dataSource());
        this.engagements = new Engagements(database.dataSource());
        this.inbox = new Inbox(database.dataSource());
        this.checkpoints = new Checkpoints(database.dataSource());
        this.users = new Users(database.dataSource());
        this.exposures = new Exposures(database.dataSource());
        this.experimentCounts = new ExperimentCounts(database.dataSource());
    }

    public Database database() {
        return database;
    }

    public EventLog events() {
        return events;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DecisionLog decisions() {
        return decisions;
    }

    public Engagements engagements() {
        return engagements;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public Users users() {
        return users;
    }

    public Exposures exposures() {
        return exposures;
    }

    public ExperimentCounts experimentCounts() {
        return experimentCounts;
    }
}
