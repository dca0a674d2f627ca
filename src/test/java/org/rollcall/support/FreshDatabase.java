package org.rollcall.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * A new, empty database with the Rollcall schema (Flyway migrations applied, no rows), as a
 * fresh instance would have: an H2 file under target/test-data or a database on the local
 * MariaDB. Close it to drop it.
 */
public final class FreshDatabase implements AutoCloseable {

    public enum Engine { H2, MARIADB }

    private final Engine engine;
    private final String url;
    private final String user;
    private final String password;
    private final String mariaDbName;

    private FreshDatabase(Engine engine, String url, String user, String password, String mariaDbName) {
        this.engine = engine;
        this.url = url;
        this.user = user;
        this.password = password;
        this.mariaDbName = mariaDbName;
    }

    public static FreshDatabase create(Engine engine, String purpose) {
        FreshDatabase db;
        if (engine == Engine.H2) {
            Path file = Path.of("target", "test-data", purpose + "-" + UUID.randomUUID().toString().substring(0, 8), "rollcall")
                    .toAbsolutePath();
            db = new FreshDatabase(engine, "jdbc:h2:file:" + file
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE", "sa", "", null);
        } else {
            MariaDb.requireAvailable();
            String name = MariaDb.createDatabase(purpose);
            db = new FreshDatabase(engine, MariaDb.jdbcUrl(name) + "&rewriteBatchedStatements=true", MariaDb.USER, MariaDb.PASSWORD, name);
        }
        Flyway.configure().dataSource(db.url, db.user, db.password).locations("classpath:db/migration").load().migrate();
        return db;
    }

    public Engine engine() {
        return engine;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (mariaDbName != null) {
            MariaDb.dropDatabase(mariaDbName);
        } else {
            try (Connection c = connect()) {
                c.createStatement().execute("DROP ALL OBJECTS DELETE FILES");
            } catch (SQLException e) {
                // left behind under target/: harmless
            }
        }
    }
}
