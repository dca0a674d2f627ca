package org.rollcall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

import org.rollcall.common.db.DatabaseSelection;

/**
 * What {@code status} prints: the selected database, its schema version and what it holds. It only
 * reads, over plain JDBC, so the command answers without starting the application (a tenth of
 * the time and CPU): it neither migrates the schema nor creates an embedded database that is not
 * there.
 */
final class StatusReport {

    private StatusReport() {
    }

    /** Runs {@code status} outside the application: settings from the environment, then ./.env. */
    static int run(PrintStream out, PrintStream err) {
        DatabaseSelection database;
        try {
            database = DatabaseSelection.from(settings(Path.of(".env")));
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        String url = database.kind() == DatabaseSelection.Kind.H2 ? database.jdbcUrl() + ";IFEXISTS=TRUE" : database.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, database.connectionProperties())) {
            print(connection, database.description(), out);
            return 0;
        } catch (SQLException e) {
            if (database.kind() == DatabaseSelection.Kind.H2 && e.getErrorCode() == 90146) {   // DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                out.println("Database:       " + database.description() + " (not created yet)");
                out.println("Schema version: none (starting the app or `init` creates it)");
                return 0;
            }
            err.println("Cannot read " + database.description() + ": " + e.getMessage());
            return 1;
        }
    }

    static void print(Connection connection, String description, PrintStream out) throws SQLException {
        out.println("Database:       " + description);
        try (Statement statement = connection.createStatement()) {
            String version = schemaVersion(statement);
            out.println("Schema version: " + (version == null ? "none (starting the app or `init` creates it)" : version));
            if (version == null) {
                return;
            }
            Map<String, Long> roles = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery("select role, count(*) from app_user group by role")) {
                while (rs.next()) {
                    roles.put(rs.getString(1), rs.getLong(2));
                }
            }
            out.printf("Users:          %d (%d admins, %d teachers, %d students)%n", roles.values().stream().mapToLong(Long::longValue).sum(),
                    roles.getOrDefault("admin", 0L), roles.getOrDefault("teacher", 0L), roles.getOrDefault("student", 0L));
            out.println("Classes:        " + count(statement, "app_group"));
            out.println("Memberships:    " + count(statement, "membership"));
        }
    }

    private static String schemaVersion(Statement statement) throws SQLException {
        if (!tableExists(statement.getConnection(), "flyway_schema_history")) {
            return null;
        }
        try (ResultSet rs = statement.executeQuery("select version, description from flyway_schema_history"
                + " where success and version is not null order by installed_rank desc")) {
            return rs.next() ? rs.getString(1) + " (" + rs.getString(2) + ")" : null;
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, table, new String[] { "TABLE" })) {
            return rs.next();
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A setting from the environment, else from the .env file (read as properties, as the application reads it). */
    static Function<String, String> settings(Path dotEnv) {
        Properties file = new Properties();
        if (Files.isRegularFile(dotEnv)) {
            try (Reader reader = Files.newBufferedReader(dotEnv)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + dotEnv.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        return name -> {
            String value = System.getenv(name);
            return value != null ? value : file.getProperty(name);
        };
    }
}
