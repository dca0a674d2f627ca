package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The local MariaDB (standing in for MySQL 8) for tests that need it whatever database the suite
 * runs on. Set up with scripts/test-mariadb-setup. Unreachable: skipped on a developer machine,
 * a failure in CI (CI=true).
 */
public final class MariaDb {

    public static final String HOST = env("TEST_MARIADB_HOST", "127.0.0.1");
    public static final String PORT = env("TEST_MARIADB_PORT", "3306");
    public static final String USER = env("TEST_MARIADB_USER", "rollcall");
    public static final String PASSWORD = env("TEST_MARIADB_PASSWORD", "rollcall-test-pw");

    private MariaDb() {
    }

    public static void requireAvailable() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        String message = "MariaDB is needed for this test but " + problem + ". Run scripts/test-mariadb-setup"
                + " (or set TEST_MARIADB_HOST/PORT/USER/PASSWORD).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private static String problem() {
        try (Connection c = connect("")) {
            return null;
        } catch (SQLException e) {
            return "it cannot be reached at " + HOST + ":" + PORT + " as " + USER + " (" + e.getMessage() + ")";
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + database + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
    }

    /** A new empty database named rollcall_&lt;purpose&gt;_&lt;random&gt;. */
    public static String createDatabase(String purpose) {
        String name = "rollcall_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    public static void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** The DB_* variables that point Rollcall at a database on this MariaDB. */
    public static Map<String, String> rollcallEnv(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_ENDPOINT", HOST);
        env.put("DB_PORT", PORT);
        env.put("DB_NAME", database);
        env.put("DB_USERNAME", USER);
        env.put("DB_PASSWORD", PASSWORD);
        return env;
    }

    private static void execute(String sql) {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
