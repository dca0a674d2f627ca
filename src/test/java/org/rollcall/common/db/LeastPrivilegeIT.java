package org.rollcall.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedApp;

/**
 * The app side of least privilege, on MariaDB with the packaged app: a database user that may
 * only SELECT/INSERT/UPDATE/DELETE refuses to start on a schema that needs migrating (and leaves
 * the database untouched), the master account migrates, then the limited user runs the app.
 */
class LeastPrivilegeIT {

    private static final Duration START = Duration.ofMinutes(3);

    /** The versioned migrations the build ships. */
    private static final long MIGRATIONS = migrations();

    @Test
    void theAppUserRefusesToMigrateTheMasterMigratesThenTheAppUserServes() throws Exception {
        MariaDb.requireAvailable();
        String db = MariaDb.createDatabase("ops");
        String appUser = "rc_ops_" + UUID.randomUUID().toString().substring(0, 8);
        String appPassword = "app-pw-" + UUID.randomUUID();
        try {
            // in GRANT a database name is a pattern: escape its underscores to grant on this one database only
            String grantDb = db.replace("_", "\\_");
            sql("CREATE USER '" + appUser + "'@'localhost' IDENTIFIED BY '" + appPassword + "'",
                    "CREATE USER '" + appUser + "'@'127.0.0.1' IDENTIFIED BY '" + appPassword + "'",
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + grantDb + "`.* TO '" + appUser + "'@'localhost'",
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + grantDb + "`.* TO '" + appUser + "'@'127.0.0.1'");
            Map<String, String> master = MariaDb.rollcallEnv(db);
            Map<String, String> app = new HashMap<>(master);
            app.put("DB_USERNAME", appUser);
            app.put("DB_PASSWORD", appPassword);
            app.put("ADMIN_PASSWORD", "least-privilege-admin-1");

            try (PackagedApp refused = PackagedApp.serve(app)) {
                assertNotEquals(0, refused.awaitExit(START), "must not start on an unmigrated schema");
                assertTrue(refused.output().contains("The database schema needs migrating (the database is at version none"
                        + " (empty), this build needs 1 (core schema), 2 (audit and login throttle), "), refused.output());
                assertTrue(refused.output().contains("), but this database user may not change the schema"), refused.output());
                assertTrue(refused.output().contains("command denied to user '" + appUser + "'"), refused.output());
                assertTrue(refused.output().contains("Run the migration once with the master account"), refused.output());
            }
            assertEquals(0, count(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + db + "'"),
                    "nothing half-applied for the master to repair");

            Map<String, String> noMigrate = new HashMap<>(app);
            noMigrate.put("ROLLCALL_MIGRATE_AT_START", "false");
            try (PackagedApp refused = PackagedApp.serve(noMigrate)) {
                assertNotEquals(0, refused.awaitExit(START));
                assertTrue(refused.output().contains("The database schema is not current") 
                        && refused.output().contains("ROLLCALL_MIGRATE_AT_START=false"), refused.output());
            }

            try (PackagedApp migrate = PackagedApp.start(master, "schema-upgrade")) {
                assertEquals(0, migrate.awaitExit(START), migrate.output());
            }
            assertEquals(MIGRATIONS, count(db, "SELECT COUNT(*) FROM `" + db + "`.flyway_schema_history WHERE success = 1 AND version IS NOT NULL"),
                    "every migration applied by the master account");

            try (PackagedApp serving = PackagedApp.serve(app)) {
                serving.awaitReady(START);
                var created = serving.send(HttpRequest.newBuilder(URI.create(serving.url("/api/users")))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "admin:least-privilege-admin-1".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"limited.write\",\"displayName\":\"Written"
                                + " by the app user\",\"role\":\"student\"}")));
                assertEquals(201, created.statusCode(), created.body());
            }
            assertEquals(1, count(db, "SELECT COUNT(*) FROM `" + db + "`.app_user WHERE username = 'limited.write'"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM `" + db + "`.audit_event WHERE action = 'user.create'"
                    + " AND target = 'limited.write'"));
        } finally {
            sql("DROP USER IF EXISTS '" + appUser + "'@'localhost'", "DROP USER IF EXISTS '" + appUser + "'@'127.0.0.1'");
            MariaDb.dropDatabase(db);
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = MariaDb.connect(""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long migrations() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(String db, String query) throws SQLException {
        try (Connection c = MariaDb.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
