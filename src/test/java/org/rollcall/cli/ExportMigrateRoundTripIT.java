package org.rollcall.cli;

import org.rollcall.support.ExportFile;
import org.rollcall.support.SourceFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

/**
 * export -> migrate into an empty database reproduces the data exactly (every field, password
 * hashes and micro-second timestamps included), on H2, on MariaDB and across them. The children
 * run in a time zone far from UTC so a time-zone slip would show.
 */
class ExportMigrateRoundTripIT {

    @TempDir
    Path scratch;

    private Map<String, String> h2(String name) {
        Map<String, String> env = PackagedCommand.h2(scratch.resolve(name));
        env.put("TZ", "America/New_York");
        return env;
    }

    private Map<String, String> mariaDb(String database) {
        Map<String, String> env = PackagedCommand.mariaDb(database);
        env.put("TZ", "Asia/Kolkata");
        return env;
    }

    private void migrate(Map<String, String> target, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "migrate";
        System.arraycopy(args, 0, command, 1, args.length);
        Result result = PackagedCommand.run(scratch, target, command);
        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.stdout().contains("Migrate finished: everything was copied."), result.stdout());
    }

    /** A source file migrated into H2 database {@code name}: what export writes is what the file held. */
    private ExportFile seedH2(String name) {
        Path source = SourceFiles.write(scratch.resolve("source.json"), 300, 12, 2, false);
        migrate(h2(name), source.toString());
        ExportFile exported = ExportFile.of(scratch, h2(name));
        ExportFile.assertSameData(ExportFile.read(source), exported, "data");
        return exported;
    }

    @Test
    void onH2() throws Exception {
        ExportFile a = seedH2("a");
        Path file = scratch.resolve("a-export.json");
        Result export = PackagedCommand.run(scratch, h2("a"), "export", "--output", file.toString());
        assertEquals(0, export.exitCode(), export.all());
        assertTrue(export.stdout().contains("Exported 12 classes, 300 users and 600 memberships"), export.stdout());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "only the owner may read the hashes");
        assertTrue(Files.readString(file).contains("\"warning\" : \"This file contains password hashes"));

        migrate(h2("e"), file.toString());
        ExportFile.assertSameData(a, ExportFile.of(scratch, h2("e")), "data");
        migrate(h2("f"), "jdbc:h2:file:" + scratch.resolve("a").resolve("rollcall"));
        ExportFile.assertSameData(a, ExportFile.of(scratch, h2("f")), "reading the H2 database directly gives the same");
    }

    /** Micro-second times cross MariaDB unchanged both ways (new rows are written with their times as text). */
    @Test
    void onMariaDbAndAcrossBothWays() {
        MariaDb.requireAvailable();
        String b = MariaDb.createDatabase("cli_rt_b");
        String d = MariaDb.createDatabase("cli_rt_d");
        try {
            ExportFile a = seedH2("a");
            String fromA = "jdbc:h2:file:" + scratch.resolve("a").resolve("rollcall");
            migrate(mariaDb(b), fromA);
            ExportFile.assertSameData(a, ExportFile.of(scratch, mariaDb(b)), "H2 -> MariaDB");

            Map<String, String> c = h2("c");
            c.put("SOURCE_DB_PASSWORD", MariaDb.PASSWORD);
            migrate(c, MariaDb.jdbcUrl(b), "--source-user", MariaDb.USER);
            ExportFile.assertSameData(a, ExportFile.of(scratch, h2("c")), "MariaDB -> H2");

            Path file = scratch.resolve("b-export.json");
            assertEquals(0, PackagedCommand.run(scratch, mariaDb(b), "export", "-o", file.toString()).exitCode());
            migrate(mariaDb(d), file.toString());
            ExportFile.assertSameData(a, ExportFile.of(scratch, mariaDb(d)), "export -> migrate on MariaDB");
        } finally {
            MariaDb.dropDatabase(b);
            MariaDb.dropDatabase(d);
        }
    }

    @Test
    void reRunningIntoMariaDbFindsEverythingUnchanged() {
        MariaDb.requireAvailable();
        String e = MariaDb.createDatabase("cli_rt_e");
        try {
            Path source = SourceFiles.write(scratch.resolve("micros.json"), 40, 4, 2, false);
            migrate(mariaDb(e), source.toString());
            Result again = PackagedCommand.run(scratch, mariaDb(e), "migrate", source.toString());
            assertEquals(0, again.exitCode(), again.all());
            assertTrue(again.stdout().matches("(?s).*users\\s+40\\s+0\\s+0\\s+40\\s+0\\n.*"), again.stdout());
            assertTrue(again.stdout().matches("(?s).*memberships\\s+80\\s+0\\s+0\\s+80\\s+0\\n.*"), again.stdout());
            String stored = ExportFile.of(scratch, mariaDb(e)).users().get(0).get("createdAt").asText();
            String given = ExportFile.read(source).users().get(0).get("createdAt").asText();
            assertEquals(given, stored, "MariaDB kept the micro-seconds");
        } finally {
            MariaDb.dropDatabase(e);
        }
    }
}
