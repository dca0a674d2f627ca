package org.rollcall.admin.migrate;

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
class ExportMigrateRoundTripTest {

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
        env.put("SOURCE_DB_PASSWORD", MariaDb.PASSWORD);
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

    /** A source file migrated into H2 database "a": what export writes is what the file held. */
    private Export seedH2(String name) {
        Path source = SourceFiles.write(scratch.resolve("source.json"), 300, 12, 2, false);
        migrate(h2(name), source.toString());
        Export exported = Export.of(scratch, h2(name));
        assertEquals(Export.read(source).data(), exported.data());
        return exported;
    }

    @Test
    void onH2() throws Exception {
        Export a = seedH2("a");
        Path file = scratch.resolve("a-export.json");
        Result export = PackagedCommand.run(scratch, h2("a"), "export", "--output", file.toString());
        assertEquals(0, export.exitCode(), export.all());
        assertTrue(export.stdout().contains("Exported 12 classes, 300 users and 600 memberships"), export.stdout());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "only the owner may read the hashes");
        assertTrue(Files.readString(file).contains("\"warning\" : \"This file contains password hashes"));

        migrate(h2("e"), file.toString());
        assertEquals(a.data(), Export.of(scratch, h2("e")).data());
        migrate(h2("f"), "jdbc:h2:file:" + scratch.resolve("a").resolve("rollcall"));
        assertEquals(a.data(), Export.of(scratch, h2("f")).data(), "reading the H2 database directly gives the same");
    }

    @Test
    void onMariaDbAndAcrossBothWays() {
        MariaDb.requireAvailable();
        String b = MariaDb.createDatabase("cli_rt_b");
        String d = MariaDb.createDatabase("cli_rt_d");
        try {
            Export a = seedH2("a");
            migrate(mariaDb(b), "jdbc:h2:file:" + scratch.resolve("a").resolve("rollcall"));
            assertEquals(a.data(), Export.of(scratch, mariaDb(b)).data(), "H2 -> MariaDB");

            Map<String, String> c = h2("c");
            c.put("SOURCE_DB_PASSWORD", MariaDb.PASSWORD);
            migrate(c, MariaDb.jdbcUrl(b), "--source-user", MariaDb.USER);
            assertEquals(a.data(), Export.of(scratch, h2("c")).data(), "MariaDB -> H2");

            Path file = scratch.resolve("b-export.json");
            assertEquals(0, PackagedCommand.run(scratch, mariaDb(b), "export", "-o", file.toString()).exitCode());
            migrate(mariaDb(d), file.toString());
            assertEquals(a.data(), Export.of(scratch, mariaDb(d)).data(), "export -> migrate on MariaDB");
        } finally {
            MariaDb.dropDatabase(b);
            MariaDb.dropDatabase(d);
        }
    }
}
