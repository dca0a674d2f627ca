package org.rollcall.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
        boolean migrateAtStart();
    }

    private final Flyway flyway;
    private final RollcallConfig config;
    private final boolean migrateAtStart;

    public SchemaUpgrade(Flyway flyway, RollcallConfig config, Settings settings) {
        this.flyway = flyway;
        this.config = config;
        this.migrateAtStart = settings.migrateAtStart();
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            return;
        }
        if (migrateAtStart) {
            migrate();
        } else if (!config.commandMode()) {
            throw new SchemaNotCurrentException("The database schema is not current (" + describe(flyway.info())
                    + ") and ROLLCALL_MIGRATE_AT_START=false, so this instance does not change it. " + howToMigrate());
        }
    }

    /** Applies pending migrations after checking that the database user may change the schema. */
    public void migrate() {
        MigrationInfoService info = flyway.info();
        if (info.pending().length == 0) {
            return;
        }
        Optional<String> denied = missingSchemaRights(flyway.getConfiguration().getDataSource());
        if (denied.isPresent()) {
            throw new SchemaNotCurrentException("The database schema needs migrating (" + describe(info) + "), but this"
                    + " database user may not change the schema: " + denied.get() + ". That is expected when the app"
                    + " runs as the least-privilege user. " + howToMigrate());
        }
        LOG.infof("Migrating the database schema: %s", describe(info));
        flyway.migrate();
    }

    private static String describe(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return "the database is at version " + (current == null ? "none (empty)" : current.getVersion())
                + ", this build needs " + Arrays.stream(info.pending())
                        .map(m -> m.getVersion() + " (" + m.getDescription() + ")").collect(Collectors.joining(", "));
    }

    private static String howToMigrate() {
        return "Run the migration once with the master account, e.g. DB_USERNAME=<master user> DB_PASSWORD=<master password>"
                + " java -jar quarkus-run.jar status (or the init/migrate commands), then start the app again with"
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
