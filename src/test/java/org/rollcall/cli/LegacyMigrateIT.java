package org.rollcall.cli;

import org.rollcall.support.ExportFile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.LegacyFixtures;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Migrating the Flask app's data (fixtures made by make-fixtures.py with Werkzeug) from SQLite,
 * MySQL and data.json: roles and sections mapped, hashes kept, bad records rejected with a
 * reason, nothing written by a dry run, nothing doubled by a re-run.
 */
class LegacyMigrateIT {

    @TempDir
    Path scratch;

    private Map<String, String> target(String name) {
        return PackagedCommand.h2(scratch.resolve(name));
    }

    private static int line(String report, String label, int column) {
        for (String line : report.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 6 && cells[0].equals(label)) {
                return Integer.parseInt(cells[column].replace(",", ""));
            }
        }
        throw new AssertionError("no '" + label + "' line in the report:\n" + report);
    }

    /** read, created, updated, unchanged, rejected of one line of the report. */
    private static List<Integer> counts(String report, String label) {
        List<Integer> counts = new ArrayList<>();
        for (int column = 1; column <= 5; column++) {
            counts.add(line(report, label, column));
        }
        return counts;
    }

    @Test
    void sqliteDryRunThenRunThenRerun() {
        Path db = LegacyFixtures.copy("user_management.db", scratch);

        Result dry = PackagedCommand.run(scratch, target("t"), "migrate", db.toString(), "--teachers", "grace", "--dry-run");
        assertEquals(3, dry.exitCode(), dry.all());
        assertTrue(dry.stdout().contains("Dry run: nothing was written."), dry.stdout());
        assertEquals(List.of(6, 5, 0, 0, 1), counts(dry.stdout(), "classes"));
        assertEquals(List.of(10, 6, 0, 0, 4), counts(dry.stdout(), "users"));
        assertEquals(List.of(10, 7, 0, 0, 3), counts(dry.stdout(), "memberships"));
        ExportFile empty = ExportFile.of(scratch, target("t"));
        assertEquals(0, empty.users().size(), "a dry run writes nothing");

        Result run = PackagedCommand.run(scratch, target("t"), "migrate", db.toString(), "--teachers", "grace");
        assertEquals(3, run.exitCode(), "rejections give exit code 3\n" + run.all());
        assertEquals(List.of(6, 5, 0, 0, 1), counts(run.stdout(), "classes"), "the dry run predicted the run");
        assertEquals(List.of(10, 6, 0, 0, 4), counts(run.stdout(), "users"));
        assertEquals(List.of(10, 7, 0, 0, 3), counts(run.stdout(), "memberships"));
        String out = run.stdout();
        assertAll("each rejection is reported with its reason",
                () -> assertTrue(out.contains("user 'bad uid!' (users id 6): username: may contain only letters"), out),
                () -> assertTrue(out.contains("user 'dupmail' (users id 7): email: is already used by user 'ada'"), out),
                () -> assertTrue(out.contains("user 'oddrole' (users id 8): role: legacy role 'Teacher' is neither 'User' nor 'Admin'"), out),
                () -> assertTrue(out.contains("user 'plainsha' (users id 9): passwordHash: uses 'sha256', which Rollcall cannot check"), out),
                () -> assertTrue(out.contains("class 'BAD ABBR' (sections bad abbr (2024)): code: may contain only letters"), out),
                () -> assertTrue(out.contains("(user_sections user_id 99, section_id 2): no user with id 99 in users"), out),
                () -> assertTrue(out.contains("membership 'BAD ABBR/lilei' (user_sections user_id 4, section_id 4): group: no class 'BAD ABBR'"), out),
                () -> assertTrue(out.contains("Not migrated, Rollcall has no place for them: 1 profile pictures (users._pfp) and 2"), out),
                () -> assertTrue(out.contains("ok       users: 10 read, 4 rejected, 6 expected in this database, 6 found"), out));

        ExportFile migrated = ExportFile.of(scratch, target("t"));
        Map<String, String> hashes = LegacyFixtures.hashes(scratch.resolve("hashes"));
        assertAll("legacy users mapped",
                () -> assertEquals("admin", migrated.user("toby").get("role").asText()),
                () -> assertEquals("teacher", migrated.user("grace").get("role").asText(), "--teachers promotes"),
                () -> assertEquals("student", migrated.user("ada").get("role").asText()),
                () -> assertEquals("Zoë Ñúñez 🚀", migrated.user("zoen").get("displayName").asText(), "uid lower-cased, name kept"),
                () -> assertEquals("zoe@example.org", migrated.user("zoen").get("email").asText()),
                () -> assertTrue(migrated.user("lilei").get("email").isNull()),
                () -> assertEquals(hashes.get("ada"), migrated.user("ada").get("passwordHash").asText(), "the Werkzeug hash is kept"),
                () -> assertEquals(hashes.get("grace"), migrated.user("grace").get("passwordHash").asText()),
                () -> assertNull(migrated.user("bad uid!")));
        assertAll("sections become classes, one per year when a section ran in several",
                () -> assertEquals("2023", migrated.group("CSA-2023").get("term").asText()),
                () -> assertEquals("AP Computer Science A", migrated.group("CSA-2024").get("name").asText()),
                () -> assertEquals("2024", migrated.group("CSP-2024").get("term").asText()),
                () -> assertEquals("legacy", migrated.group("CSP-LEGACY").get("term").asText(), "a member without a year"),
                () -> assertEquals("legacy", migrated.group("DS").get("term").asText(), "a section without members"),
                () -> assertEquals(5, migrated.groups().size()));
        assertEquals(List.of("CSA-2023/ada/student", "CSA-2023/zoen/student", "CSA-2024/grace/teacher", "CSA-2024/lilei/student",
                "CSP-2024/ada/student", "CSP-2024/toby/teacher", "CSP-LEGACY/kat/student"), memberships(migrated));

        Result rerun = PackagedCommand.run(scratch, target("t"), "migrate", db.toString(), "--teachers", "grace");
        assertEquals(3, rerun.exitCode(), rerun.all());
        assertEquals(List.of(6, 0, 0, 5, 1), counts(rerun.stdout(), "classes"));
        assertEquals(List.of(10, 0, 0, 6, 4), counts(rerun.stdout(), "users"));
        assertEquals(List.of(10, 0, 0, 7, 3), counts(rerun.stdout(), "memberships"));
        ExportFile.assertSameData(migrated, ExportFile.of(scratch, target("t")), "a re-run changes and doubles nothing");
    }

    static List<String> memberships(ExportFile export) {
        List<String> list = new ArrayList<>();
        for (JsonNode m : export.memberships()) {
            list.add(m.get("group").asText() + "/" + m.get("username").asText() + "/" + m.get("role").asText());
        }
        list.sort(null);
        return list;
    }

    @Test
    void dataJsonMigratesTheSameRecordsWithoutPasswords() {
        Path json = LegacyFixtures.copy("data.json", scratch);
        Result run = PackagedCommand.run(scratch, target("j"), "migrate", json.toString(), "--teachers", "grace,nobody");
        assertEquals(3, run.exitCode(), run.all());
        assertEquals(List.of(5, 4, 0, 0, 1), counts(run.stdout(), "classes"), "data.json knows only sections with members");
        assertEquals(List.of(10, 7, 0, 0, 3), counts(run.stdout(), "users"), "without hashes, plainsha is fine");
        assertTrue(run.stdout().contains("--teachers names 'nobody', but the source has no such user."), run.stdout());
        assertTrue(run.stdout().contains("data.json holds no password hashes"), run.stdout());
        ExportFile migrated = ExportFile.of(scratch, target("j"));
        assertTrue(migrated.user("ada").get("passwordHash").isNull());
        assertEquals("teacher", migrated.user("grace").get("role").asText());
        assertEquals(List.of(9, 7, 0, 0, 2), counts(run.stdout(), "memberships"));
        assertEquals(List.of("CSA-2023/ada/student", "CSA-2023/zoen/student", "CSA-2024/grace/teacher", "CSA-2024/lilei/student",
                "CSP-2024/ada/student", "CSP-2024/toby/teacher", "CSP-LEGACY/kat/student"), memberships(migrated));
    }

    @Test
    void theLegacySchemaOnMySqlMigratesLikeSqlite() {
        MariaDb.requireAvailable();
        String legacy = MariaDb.createDatabase("cli_legacy");
        try {
            LegacyFixtures.loadIntoMySql(legacy);
            Map<String, String> env = target("m");
            env.put("SOURCE_DB_PASSWORD", MariaDb.PASSWORD);
            Result run = PackagedCommand.run(scratch, env, "migrate", MariaDb.jdbcUrl(legacy), "--source-user", MariaDb.USER,
                    "--teachers", "grace");
            assertEquals(3, run.exitCode(), run.all());
            assertTrue(run.stdout().contains("Migrate from legacy Flask MySQL database"), run.stdout());
            assertEquals(List.of(10, 6, 0, 0, 4), counts(run.stdout(), "users"));
            assertEquals(List.of(10, 7, 0, 0, 3), counts(run.stdout(), "memberships"));

            Path db = LegacyFixtures.copy("user_management.db", scratch);
            assertEquals(3, PackagedCommand.run(scratch, target("s"), "migrate", db.toString(), "--teachers", "grace").exitCode());
            ExportFile fromMySql = ExportFile.of(scratch, target("m"));
            ExportFile fromSqlite = ExportFile.of(scratch, target("s"));
            assertEquals(memberships(fromSqlite), memberships(fromMySql));
            for (JsonNode user : fromSqlite.users()) {
                JsonNode other = fromMySql.user(user.get("username").asText());
                for (String field : List.of("displayName", "email", "role", "passwordHash", "enabled")) {
                    assertEquals(user.get(field), other.get(field), user.get("username") + "." + field);
                }
            }
        } finally {
            MariaDb.dropDatabase(legacy);
        }
    }
}
