package org.rollcall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.auth.Passwords;
import org.rollcall.support.AuditRows;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;


/** 'rollcall init' as an admin runs it: guarded when data would be lost, starter records otherwise. */
class InitCommandIT {

    @TempDir
    Path scratch;

    private Map<String, String> h2() {
        return PackagedCommand.h2(scratch.resolve("data"));
    }

    private String status(Map<String, String> env) {
        Result status = PackagedCommand.run(scratch, env, "status");
        assertEquals(0, status.exitCode(), status.all());
        return status.stdout();
    }

    @Test
    void withoutATerminalItRefusesUnlessToldYesAndChangesNothing() {
        Result refused = PackagedCommand.run(scratch, h2(), "init");
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.stderr().contains("Give --yes"), refused.stderr());
        assertTrue(refused.stderr().contains("Nothing was changed."));
        assertTrue(status(h2()).contains("Users:          0"));
    }

    @Test
    void yesOnAnEmptyDatabaseCreatesTheStarterRecordsWithTheAdminPasswordFromTheEnvironment() {
        Map<String, String> env = h2();
        env.put("ADMIN_PASSWORD", "from-the-env-1");
        Result init = PackagedCommand.run(scratch, env, "init", "--yes");
        assertEquals(0, init.exitCode(), init.all());
        assertTrue(init.stdout().contains("admin    admin        password from ADMIN_PASSWORD"), init.stdout());
        assertTrue(init.stdout().matches("(?s).*teacher  teacher      one-time password [A-Za-z0-9]{14} .*"), init.stdout());
        String status = status(h2());
        assertTrue(status.contains("Users:          6 (1 admins, 1 teachers, 4 students)"), status);
        assertTrue(status.contains("Classes:        2"), status);
        assertTrue(status.contains("Memberships:    6"), status);
        assertTrue(Passwords.matches("from-the-env-1", storedHash("admin")), "the admin's password is ADMIN_PASSWORD");
    }

    @Test
    void initLeavesAnAuditEventSayingWhatItDeletedAndCreated() {
        assertEquals(0, PackagedCommand.run(scratch, h2(), "init", "--yes").exitCode());
        assertEquals(0, PackagedCommand.run(scratch, h2(), "init", "--yes", "--force").exitCode());
        List<String> inits = AuditRows.of(scratch.resolve("data"), "database.init");
        assertEquals(List.of("system | this database | deleted 0 users and 0 classes with their memberships; created 6 users and 2 classes",
                "system | this database | deleted 6 users and 2 classes with their memberships; created 6 users and 2 classes"), inits);
    }

    @Test
    void aDatabaseWithDataNeedsForceAsWellAndARefusalLeavesItAlone() {
        assertEquals(0, PackagedCommand.run(scratch, h2(), "init", "--yes").exitCode());
        String adminHash = storedHash("admin");

        Result refused = PackagedCommand.run(scratch, h2(), "init", "--yes");
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.stdout().contains("It holds 6 users (admins: 1, teachers: 1, students: 4), 2 classes and 6 memberships."),
                refused.stdout());
        assertTrue(refused.stderr().contains("Give --force as well"), refused.stderr());
        assertEquals(adminHash, storedHash("admin"), "a refused init changes nothing");

        Result forced = PackagedCommand.run(scratch, h2(), "init", "--yes", "--force");
        assertEquals(0, forced.exitCode(), forced.all());
        assertTrue(forced.stdout().contains("Safety backup taken before deleting anything: "), forced.stdout());
        assertNotEquals(adminHash, storedHash("admin"), "the data was replaced by new starter records");
        assertTrue(status(h2()).contains("Users:          6"), "no records were doubled");
    }

    @Test
    void onATerminalTheDatabaseNameMustBeTypedBack() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux 'script' for a terminal");
        assertEquals(0, PackagedCommand.run(scratch, h2(), "init", "--yes").exitCode());
        String adminHash = storedHash("admin");
        String name = scratch.resolve("data").toAbsolutePath().resolve("rollcall").toString();

        Result wrong = onTerminal("not-the-name\n");
        assertEquals(1, wrong.exitCode(), wrong.all());
        assertTrue(wrong.stdout().contains("Type the database name (" + name + ")"), wrong.stdout());
        assertTrue(wrong.stdout().contains("Nothing was changed."), wrong.stdout());
        assertEquals(adminHash, storedHash("admin"));

        Result confirmed = onTerminal(name + "\n");
        assertEquals(0, confirmed.exitCode(), confirmed.all());
        assertTrue(confirmed.stdout().contains("Created the starter records"), confirmed.stdout());
        assertNotEquals(adminHash, storedHash("admin"));
    }

    /** Runs init under 'script', which gives it a pseudo-terminal, typing {@code input}. */
    private Result onTerminal(String input) throws Exception {
        List<String> command = new ArrayList<>(List.of("script", "-qec",
                String.join(" ", PackagedCommand.commandLine("init")), "/dev/null"));
        Path inputFile = Files.writeString(scratch.resolve("typed.txt"), input);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(inputFile.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("ADMIN_") || k.startsWith("ROLLCALL_"));
        builder.environment().putAll(h2());
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        Path out = scratch.resolve("terminal-" + System.nanoTime() + ".txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "init on a terminal did not finish");
        return new Result(process.exitValue(), Files.readString(out), "");
    }

    @Test
    void anAppUserCannotBeCreatedOnH2() {
        Result refused = PackagedCommand.run(scratch, h2(), "init", "--create-app-user", "rollcall_app");
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.stderr().contains("--create-app-user needs MySQL"), refused.stderr());
    }

    @Test
    void theAppUserOnMariaDbHasDataRightsOnTheRollcallDatabaseOnly() throws Exception {
        MariaDb.requireAvailable();
        String database = MariaDb.createDatabase("cli_appuser");
        String appUser = "rc_app_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try {
            Map<String, String> env = PackagedCommand.mariaDb(database);
            env.put("APP_DB_PASSWORD", "app-user-secret-1");
            Result created = PackagedCommand.run(scratch, env, "init", "--create-app-user", appUser);
            assertEquals(0, created.exitCode(), created.all());
            assertTrue(created.stdout().contains("with SELECT, INSERT, UPDATE and DELETE on `" + database + "` only"), created.stdout());
            assertTrue(created.stdout().contains("Its password is the one given in APP_DB_PASSWORD."), created.stdout());

            try (Connection app = DriverManager.getConnection(MariaDb.jdbcUrl(database), appUser, "app-user-secret-1");
                    Statement s = app.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from app_user")) {
                    assertTrue(rs.next());
                }
                s.executeUpdate("insert into app_setting (name, setting_value) values ('probe', 'x')");
                s.executeUpdate("delete from app_setting where name = 'probe'");
                assertDenied(s, "create table probe (id int)");
                assertDenied(s, "drop table app_setting");
                assertDenied(s, "select count(*) from mysql.user");
            }
            Map<String, String> asApp = PackagedCommand.mariaDb(database);
            asApp.put("DB_USERNAME", appUser);
            asApp.put("DB_PASSWORD", "app-user-secret-1");
            assertTrue(status(asApp).contains("Schema version"), "the app runs with the app user");

            Result again = PackagedCommand.run(scratch, env, "init", "--create-app-user", appUser);
            assertEquals(1, again.exitCode(), again.all());
            assertTrue(again.stderr().contains("exists already"), again.stderr());
        } finally {
            try (Connection c = MariaDb.connect(""); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + appUser + "'@'%'");
            }
            MariaDb.dropDatabase(database);
        }
    }

    private static void assertDenied(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            return;
        }
        throw new AssertionError("the app user was allowed: " + sql);
    }

    /** The stored password hash of a user in the H2 database under scratch/data. */
    private String storedHash(String username) {
        String url = "jdbc:h2:file:" + scratch.resolve("data").toAbsolutePath().resolve("rollcall")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select password_hash from app_user where username = '" + username + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
