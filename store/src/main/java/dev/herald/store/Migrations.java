package dev.herald.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the versioned scripts in {@code db/migration} (Flyway). */
final class Migrations {

    /** Where the scripts are, on the class path. */
    static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /**
     * Applies the scripts not applied yet; the ones applied before are checked, not run again.
     *
     * @return how many scripts were applied
     */
    static int migrate(DataSource dataSource) {
        try {
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("applied {} schema migrations", applied);
            }
            return applied;
        } catch (FlywayException e) {
            throw new StoreException("could not bring the database schema up to date: " + e.getMessage(), e);
        }
    }
}
