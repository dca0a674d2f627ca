package org.rollcall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.PackagedApp;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

/**
 * An admin's shell beside the packaged app serving on the embedded H2 database in ./data: read the
 * status and take a backup of the running instance; ask for help anywhere without side effects.
 */
class CommandsBesideRunningAppIT {

    private static final String PASSWORD = "beside-admin-password-1";

    @TempDir
    Path scratch;

    /** A command run in {@code work}, as from a shell there: ./data and ./.env are that directory's. */
    private Result runIn(Path work, String... args) {
        Path output = scratch.resolve("out-" + String.join("-", args).replaceAll("[^a-z-]", ""));
        return PackagedCommand.startIn(work, output, Map.of(), PackagedCommand.commandLine(args)).finish();
    }

    @Test
    void statusAndBackupReachTheDatabaseOfTheRunningAppWhichKeepsServing() {
        Path work = scratch.resolve("school");
        try (PackagedApp app = PackagedApp.start(work, Map.of("ADMIN_PASSWORD", PASSWORD))) {
            app.awaitReady(Duration.ofMinutes(3));

            Result status = runIn(work, "status");
            assertEquals(0, status.exitCode(), status.all());
            assertTrue(status.stdout().contains("Users:          1 (1 admins"), status.stdout());
            assertFalse(status.stderr().contains("already in use"), status.stderr());
            assertFalse(status.all().contains("Quarkus"), "status reads without starting the application: " + status.all());

            Result backup = runIn(work, "backup", "create", "while-serving");
            assertEquals(0, backup.exitCode(), backup.all());
            assertTrue(backup.stdout().matches("(?s).*Backup \\S+ \\('while-serving'\\) COMPLETED.*"), backup.stdout());

            HttpResponse<String> backups = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/backups")))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))));
            assertEquals(200, backups.statusCode(), "the app still serves: " + backups.body());
            assertTrue(backups.body().contains("while-serving"), backups.body());
        }
    }

    @Test
    void helpStatusAndAWrongCommandLineCreateNoDatabase() throws Exception {
        Path empty = Files.createDirectories(scratch.resolve("empty"));

        Result help = runIn(empty, "--help");
        assertEquals(0, help.exitCode(), help.all());
        assertTrue(help.stdout().startsWith("Usage: rollcall"), help.stdout());

        Result wrong = runIn(empty, "status", "--no-such-option");
        assertEquals(2, wrong.exitCode(), wrong.all());
        assertTrue(wrong.stderr().startsWith("Unknown option: '--no-such-option'"), wrong.stderr());

        Result status = runIn(empty, "status");
        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.stdout().contains("(not created yet)"), status.stdout());
        assertFalse(status.all().contains("Quarkus") || status.all().toLowerCase().contains("flyway"), "no application start: " + status.all());

        assertFalse(Files.exists(empty.resolve("data")), "no database was created");
        for (Result r : new Result[] { help, wrong }) {
            assertFalse(r.all().contains("H2") || r.all().toLowerCase().contains("flyway") || r.all().contains("Quarkus"),
                    "no application start: " + r.all());
        }
    }
}
