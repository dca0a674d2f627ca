package org.rollcall.cli;

import org.rollcall.support.AuditRows;
import org.rollcall.support.ExportFile;
import org.rollcall.support.SourceFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

/**
 * The backup and restore commands as an admin runs them from a shell, with the packaged app on H2:
 * migrate takes a safety backup of a database that holds data; backups are created, listed, shown,
 * chained and guarded; a restore into a fresh database gives back exactly what was backed up.
 */
class BackupCommandsIT {

    private static final Pattern CREATED = Pattern.compile("Backup (\\S+) \\('([^']*)'\\) COMPLETED");

    @TempDir
    Path scratch;

    private Map<String, String> h2(String name) {
        Map<String, String> env = PackagedCommand.h2(scratch.resolve(name));
        env.put("ROLLCALL_BACKUP_DIR", scratch.resolve("backups").toString());
        return env;
    }

    private Result ok(Map<String, String> env, String... args) {
        Result result = PackagedCommand.run(scratch, env, args);
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    private String created(Result result, String name) {
        Matcher m = CREATED.matcher(result.stdout());
        assertTrue(m.find() && m.group(2).equals(name), result.stdout());
        return m.group(1);
    }

    @Test
    void backupListShowChainRestoreAndTheGuards() {
        Map<String, String> school = h2("school");
        Path source = SourceFiles.write(scratch.resolve("source.json"), 60, 6, 2, false);
        ok(school, "migrate", source.toString());
        Result again = ok(school, "migrate", source.toString());
        assertTrue(again.stdout().contains("Safety backup taken before changing anything: "), "migrate into a database with data backs it up first: "
                + again.stdout());

        String full = created(ok(school, "backup", "create", "nightly", "--description", "before the new term"), "nightly");
        String incremental = created(ok(school, "backup", "create", "evening", "--incremental"), "evening");

        Result list = ok(school, "backup", "list");
        assertTrue(list.stdout().contains(full) && list.stdout().contains(incremental) && list.stdout().contains("COMPLETED"),
                list.stdout());
        Result show = ok(school, "backup", "show", full);
        assertTrue(show.stdout().contains("Description:    before the new term"), show.stdout());
        assertTrue(show.stdout().matches("(?s).*app_user\\s+60\\s.*"), "counts per table: " + show.stdout());
        assertTrue(ok(school, "backup", "show", incremental).stdout().contains("(parent " + full + ")"));

        Result refusedDelete = PackagedCommand.run(scratch, school, "backup", "delete", full);
        assertNotEquals(0, refusedDelete.exitCode(), refusedDelete.all());
        assertTrue(refusedDelete.all().contains("cannot be deleted"), refusedDelete.all());

        Result refusedRestore = PackagedCommand.run(scratch, school, "restore", incremental);
        assertNotEquals(0, refusedRestore.exitCode(), refusedRestore.all());
        assertTrue(refusedRestore.all().contains("The target database is not empty"), refusedRestore.all());

        Map<String, String> fresh = h2("fresh");
        assertTrue(ok(fresh, "restore", incremental).stdout().contains("chain: "));
        ExportFile.assertSameData(ExportFile.of(scratch, school), ExportFile.of(scratch, fresh), "restored from the chain");
        assertTrue(ok(fresh, "backup", "list").stdout().contains(incremental), "the catalogue is read from the backup directory");
    }

    @Test
    void migrateAndRestoreLeaveOneAuditEventEachWithTheirCounts() {
        Map<String, String> school = h2("audited");
        ok(school, "migrate", SourceFiles.write(scratch.resolve("audited.json"), 5, 2, 1, false).toString());
        List<String> migrated = AuditRows.of(scratch.resolve("audited"), "database.migrate");
        assertEquals(1, migrated.size(), migrated.toString());
        assertTrue(migrated.get(0).startsWith("system | this database | ") && migrated.get(0).contains("users 5 read, 5 created"),
                migrated.toString());
        assertEquals(1, AuditRows.of(scratch.resolve("audited"), "user.import").size(), "one event for the one chunk of users");

        String backup = created(ok(school, "backup", "create", "audited"), "audited");
        ok(h2("audited-copy"), "restore", backup);
        List<String> restored = AuditRows.of(scratch.resolve("audited-copy"), "database.restore");
        assertEquals(1, restored.size(), restored.toString());
        assertTrue(restored.get(0).startsWith("system | this database | backup " + backup), restored.toString());
    }
}
