package org.rollcall.cli;

import org.rollcall.support.ExportFile;
import org.rollcall.support.SourceFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Launch;
import org.rollcall.support.PackagedCommand.Result;

/**
 * A migrate killed with SIGKILL at several points (during users, again during users, during
 * memberships) and run again ends with exactly the source's records: nothing lost, nothing doubled.
 */
class MigrateResumeIT {

    private static final int USERS = 12_000;
    private static final Pattern PROGRESS = Pattern.compile("migrate: (\\w+) ([\\d,]+)/");

    @TempDir
    Path scratch;

    @Test
    void killedThreeTimesThenRunAgainEndsWithExactlyTheSource() {
        Path source = SourceFiles.write(scratch.resolve("source.json"), USERS, 40, 2, true);
        Map<String, String> target = PackagedCommand.h2(scratch.resolve("target"));
        String[] migrate = { "migrate", source.toString(), "--chunk-size", "500", "--progress-seconds", "0" };

        killWhen(PackagedCommand.start(scratch, target, migrate), "users", 3_000);
        killWhen(PackagedCommand.start(scratch, target, migrate), "users", 9_000);
        killWhen(PackagedCommand.start(scratch, target, migrate), "memberships", 8_000);

        Result last = PackagedCommand.run(scratch, target, migrate);
        assertEquals(0, last.exitCode(), last.all());
        String report = last.stdout();
        assertTrue(report.matches("(?s).*users\\s+12,000\\s+[\\d,]+\\s+0\\s+[1-9][\\d,]*\\s+0\\n.*"),
                "the last run found the users copied before the kills unchanged\n" + report);
        assertTrue(report.contains("ok       memberships: 24,000 read, 0 rejected, 24,000 expected in this database, 24,000 found"), report);
        ExportFile.assertSameData(ExportFile.read(source), ExportFile.of(scratch, target), "data");
    }

    /** Waits until the run reports at least {@code count} records of {@code phase}, then kills it (SIGKILL). */
    private static void killWhen(Launch run, String phase, int count) {
        boolean reached = run.awaitStderr(err -> progressed(err, phase, count), Duration.ofMinutes(4));
        assertTrue(reached && run.process().isAlive(), "the run should still be copying " + phase + " when killed:\n"
                + run.stdout() + run.stderr());
        run.process().destroyForcibly();
        Result killed = run.finish();
        assertEquals(137, killed.exitCode(), "killed by SIGKILL");
    }

    private static boolean progressed(String stderr, String phase, int count) {
        Matcher m = PROGRESS.matcher(stderr);
        while (m.find()) {
            if (m.group(1).equals(phase) && Integer.parseInt(m.group(2).replace(",", "")) >= count) {
                return true;
            }
        }
        return false;
    }
}
