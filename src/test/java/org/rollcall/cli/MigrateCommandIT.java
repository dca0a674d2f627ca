package org.rollcall.cli;

import org.rollcall.support.ExportFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

/** What an operator sees when a source or an option is wrong, and the wrapper scripts. */
class MigrateCommandIT {

    @TempDir
    Path scratch;

    private Map<String, String> target() {
        return PackagedCommand.h2(scratch.resolve("t"));
    }

    @Test
    void aMissingSourceIsExplainedAndNothingStarts() {
        Result result = PackagedCommand.run(scratch, target(), "migrate", scratch.resolve("nope.json").toString());
        assertEquals(1, result.exitCode(), result.all());
        assertTrue(result.stderr().contains("Cannot read the source: No such file"), result.stderr());
    }

    @Test
    void theTargetCannotBeItsOwnSource() {
        Result result = PackagedCommand.run(scratch, target(), "migrate", "jdbc:h2:file:" + scratch.resolve("t").resolve("rollcall"));
        assertEquals(1, result.exitCode(), result.all());
        assertTrue(result.stderr().contains("The source is the database this Rollcall runs on"), result.stderr());
    }

    @Test
    void badRecordsInAnExportAreRejectedWithTheirReasonAndTheRestIsCopied() throws Exception {
        Path file = Files.writeString(scratch.resolve("bad.json"), """
                {"format": "rollcall-export", "formatVersion": 1,
                 "groups": [{"code": "OK1", "name": "Fine", "term": "2025-26"},
                            {"code": "BAD", "name": "Bad", "term": "2025-26", "room": "12"}],
                 "users": [{"username": "fine.one", "displayName": "Fine One", "role": "student"},
                           {"username": "typed", "displayName": "Typed", "role": "student", "enabled": "yes"},
                           {"username": "when", "displayName": "When", "role": "student", "createdAt": "yesterday"},
                           {"username": "", "displayName": "Nameless", "role": "student"}],
                 "memberships": [{"group": "OK1", "username": "fine.one", "role": "student"},
                                 {"group": "OK1", "username": "fine.one", "role": "teacher"},
                                 {"group": "OK1", "username": "typed", "role": "student"}]}
                """);
        Result result = PackagedCommand.run(scratch, target(), "migrate", file.toString());
        assertEquals(3, result.exitCode(), result.all());
        String out = result.stdout();
        assertTrue(out.contains("class 'BAD' (groups[1]): 'room' is not a known field"), out);
        assertTrue(out.contains("user 'typed' (users[1]): enabled: must be true or false"), out);
        assertTrue(out.contains("user 'when' (users[2]): createdAt: must be an ISO-8601 instant"), out);
        assertTrue(out.matches("(?s).*user '' \\(users\\[3\\]\\): [^\n]*username: is required.*"), out);
        assertTrue(out.contains("membership 'OK1/fine.one' (memberships[1]): appears more than once in the source"), out);
        assertTrue(out.contains("membership 'OK1/typed' (memberships[2]): username: no user 'typed'"), out);
        ExportFile copied = ExportFile.of(scratch, target());
        assertEquals("Fine One", copied.user("fine.one").get("displayName").asText());
        assertEquals(1, copied.memberships().size());

        Path renamed = Files.writeString(scratch.resolve("renamed.json"), """
                {"format": "rollcall-export", "formatVersion": 1,
                 "users": [{"username": "fine.one", "displayName": "Fine Renamed", "role": "student"}]}
                """);
        Result dry = PackagedCommand.run(scratch, target(), "migrate", renamed.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.stdout().contains("Would update, as the source differs (1):\n  user 'fine.one' (users[0])"), dry.stdout());
        assertEquals("Fine One", ExportFile.of(scratch, target()).user("fine.one").get("displayName").asText(), "a dry run writes nothing");
    }

    @Test
    void aNewerExportFormatIsRefused() throws Exception {
        Path file = Files.writeString(scratch.resolve("v9.json"), "{\"format\": \"rollcall-export\", \"formatVersion\": 9, \"users\": []}");
        Result result = PackagedCommand.run(scratch, target(), "migrate", file.toString());
        assertEquals(1, result.exitCode(), result.all());
        assertTrue(result.stderr().contains("format version 9"), result.stderr());
    }

    @Test
    void exportDoesNotOverwriteAFileUnlessForced() throws Exception {
        Path file = Files.writeString(scratch.resolve("keep.json"), "precious");
        Result refused = PackagedCommand.run(scratch, target(), "export", "-o", file.toString());
        assertEquals(1, refused.exitCode(), refused.all());
        assertEquals("precious", Files.readString(file));
        Result forced = PackagedCommand.run(scratch, target(), "export", "-o", file.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.all());
        assertTrue(Files.readString(file).contains("\"format\" : \"rollcall-export\""));
    }

    @Test
    void theWrapperScriptsPassTheirArgumentsThrough() throws Exception {
        PackagedCommand.jar();
        for (String script : List.of("db-migrate", "db-init")) {
            Path out = scratch.resolve(script + ".txt");
            ProcessBuilder builder = new ProcessBuilder(Path.of("scripts", script).toAbsolutePath().toString(), "--help")
                    .directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            builder.environment().put("ROLLCALL_DATA_DIR", scratch.resolve("w").toString());
            Process process = builder.start();
            assertTrue(process.waitFor(5, TimeUnit.MINUTES));
            String help = Files.readString(out);
            assertEquals(0, process.exitValue(), help);
            assertTrue(help.contains("Usage: rollcall " + script.substring(3)), help);
            assertTrue(help.contains("Exit codes:"), help);
        }
    }
}
