package org.rollcall.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Brings the schema up to date at start-up, or refuses to start with a message that says what to
 * do. The app may run as a least-privilege database user (SELECT/INSERT/UPDATE/DELETE only): it
 * starts when the schema is current and, when it is not, stops before Flyway touches anything, so
 * no half-applied migration is left behind for the master account to repair.
 */
@ApplicationScoped
public class SchemaUpgrade {

    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class);
    /** MySQL/MariaDB error codes for "you may not": database, table and global privileges. */
    private static final java.util.Set<Integer> DENIED = java.util.Set.of(1044, 1142, 1227);
    /** MySQL named lock held by the instance that checks and migrates; named locks are per server, so the database name follows. */
    private static final String LOCK = "rollcall_schema_upgrade:";
    /** Migrations of a large database take minutes; an instance waits this long for another's. */
    private static final int LOCK_WAIT_SECONDS = 600;

    /** Refusal to start or to migrate; its message is the whole explanation. */
    public static class SchemaNotCurrentException extends IllegalStateException {
        SchemaNotCurrentException(String message) {
            super(message);
        }
    }

    @ConfigMapping(prefix = "rollcall.schema")
    public interface Settings {
        /** ROLLCALL_MIGRATE_AT_START: false when the app runs as the least-privilege user. */
        @WithDefault("true")
        boolean migrateAtStart();   // the setting keeps its published name
    }

    @Inject
    Flyway flyway;
    @Inject
    RollcallConfig config;
    @Inject
    Settings settings;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (flyway.info().pending().length == 0) {
            return; // the common case, without waiting for the lock
        }
        if (settings.migrateAtStart()) {
            upgrade();
        } else if (!config.commandMode()) {
            throw new SchemaNotCurrentException("The database schema is not current (" + describe(flyway.info())
                    + ") and ROLLCALL_MIGRATE_AT_START=false, so this instance does not change it. " + howToUpgrade());
        }
    }

    /**
     * Applies pending migrations after checking that the database user may change the schema. On
     * MySQL the whole check-and-migrate holds a named lock: instances started together on an empty
     * database would otherwise both migrate, and the later one stop on Flyway's "non-empty schema
     * but no schema history table". The later one waits, then finds the schema current.
     */
    public void upgrade() {
        if (DatabaseSelection.Kind.H2.name().equals(config.database().kind())) {
            upgradeNow(); // embedded H2: one process owns the file
            return;
        }
        try (Connection lockHolder = flyway.getConfiguration().getDataSource().getConnection()) {
            lock(lockHolder);
            try {
                upgradeNow();
            } finally {
                unlock(lockHolder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema upgrade lock: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement get = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            get.setString(1, lockName(connection));
            get.setInt(2, LOCK_WAIT_SECONDS);
            try (ResultSet result = get.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw new SchemaNotCurrentException("Another instance has been upgrading the database schema for over "
                            + LOCK_WAIT_SECONDS + " s (MySQL lock '" + lockName(connection) + "' is held). Start this one again when it is done.");
                }
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, lockName(connection));
            release.executeQuery().close();
        }
    }

    /** MySQL limits lock names to 64 characters. */
    private static String lockName(Connection connection) throws SQLException {
        String name = LOCK + connection.getCatalog();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private void upgradeNow() {
        MigrationInfoService info = flyway.info();
        if (info.pending().length == 0) {
            return;
        }
        Optional<String> denied = missingSchemaRights(flyway.getConfiguration().getDataSource());
        if (denied.isPresent()) {
            throw new SchemaNotCurrentException("The database schema needs migrating (" + describe(info) + "), but this"
                    + " database user may not change the schema: " + denied.get() + ". That is expected when the app"
                    + " runs as the least-privilege user. " + howToUpgrade());
        }
        LOG.infof("Upgrading the database schema: %s", describe(info));
        flyway.migrate();
    }

    private static String describe(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return "the database is at version " + (current == null ? "none (empty)" : current.getVersion())
                + ", this build needs " + Arrays.stream(info.pending())
                        .map(m -> m.getVersion() + " (" + m.getDescription() + ")").collect(Collectors.joining(", "));
    }

    private static String howToUpgrade() {
        return "Run the migration once with the master account, e.g. DB_USERNAME=<master user> DB_PASSWORD=<master password>"
                + " java -jar quarkus-run.jar schema-upgrade, then start the app again with"
                + " the app user.";
    }

    /**
     * Why this user cannot create, alter, index and drop a table here; empty when it can. The probe
     * table has a random name, so instances starting together on an empty database do not collide.
     */
    static Optional<String> missingSchemaRights(DataSource dataSource) {
        String probe = "rollcall_ddl_probe_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + probe + " (id INT)");
            try {
                statement.execute("ALTER TABLE " + probe + " ADD COLUMN probe INT");
                statement.execute("CREATE INDEX ix_" + probe + " ON " + probe + " (probe)");
            } finally {
                statement.execute("DROP TABLE " + probe);
            }
            return Optional.empty();
        } catch (SQLException e) {
            if (DENIED.contains(e.getErrorCode())) {
                return Optional.of(e.getMessage());
            }
            throw new IllegalStateException("Could not check whether this database user may change the schema: " + e.getMessage(), e);
        }
    }
}
