package org.rollcall.cli;

import org.rollcall.transfer.Migration;
import org.rollcall.transfer.MigrationReport;
import org.rollcall.transfer.Progress;
import org.rollcall.transfer.source.Source;
import org.rollcall.transfer.source.Sources;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.rollcall.backup.SafetyBackup;
import org.rollcall.common.RollcallConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Copy classes, users and memberships from a previous instance into this database.",
                "",
                "This database is the one DB_* or ROLLCALL_DATA_DIR selects. Every record goes through the same rules as"
                        + " in the web app; invalid records are rejected with a reason. It is safe to run again: records are"
                        + " matched by username and class code, updated in place, never doubled. A run that was interrupted is"
                        + " completed by running it again.",
                "",
                "SOURCE is one of these:",
                "- another Rollcall database: jdbc:h2:file:/path/rollcall, /path/rollcall.mv.db or jdbc:mysql://host:3306/db;",
                "- the legacy Flask app: jdbc:sqlite:/path/user_management.db, /path/user_management.db or"
                        + " jdbc:mysql://host:3306/user_management;",
                "- a JSON file: an export from 'rollcall export', or the legacy app's data.json.",
                "" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Everything was copied and found in this database.",
                "1:Migrate failed or stopped; what was copied stays, so run it again to finish.",
                "2:Wrong options.",
                "3:Some records were rejected (listed with reasons); the rest was copied.",
                "4:After copying, this database does not hold what was copied (the counts differ)." })
@Dependent
public class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Where to copy from (see above).")
    String source;

    @Option(names = "--dry-run", description = "Report what would be created, updated and rejected; write nothing.")
    boolean dryRun;

    @Option(names = "--teachers", split = ",", paramLabel = "USERNAME",
            description = "Legacy sources: make these users teachers (Admin -> admin, User -> student otherwise).")
    List<String> teachers = new ArrayList<>();

    @Option(names = "--default-term", defaultValue = "legacy", paramLabel = "TERM",
            description = "Legacy sources: the term of sections whose members have no year (default: ${DEFAULT-VALUE}).")
    String defaultTerm;

    @Option(names = "--source-user", paramLabel = "USER",
            description = "User for a source database (default: SOURCE_DB_USERNAME; 'sa' for H2).")
    String sourceUser;

    @Option(names = "--source-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "Ask for the source database's password (default: SOURCE_DB_PASSWORD).")
    String sourcePassword;

    @Option(names = "--chunk-size", defaultValue = "1000", paramLabel = "N",
            description = "Records per transaction (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--progress-seconds", defaultValue = "5", paramLabel = "SECONDS",
            description = "Seconds between progress lines when not on a terminal; 0 for a line per chunk (default: ${DEFAULT-VALUE}).")
    double progressSeconds;

    @Inject
    Migration migration;
    @Inject
    SafetyBackup backup;
    @Inject
    RollcallConfig rollcall;
    @Inject
    Config config;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (chunkSize < 1 || chunkSize > 5000) {
            err.println("--chunk-size must be between 1 and 5000");
            return 2;
        }
        String user = sourceUser != null ? sourceUser : config.getOptionalValue("SOURCE_DB_USERNAME", String.class).orElse(null);
        String password = sourcePassword != null ? sourcePassword : config.getOptionalValue("SOURCE_DB_PASSWORD", String.class).orElse("");
        String target = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Source opened;
        try {
            opened = Sources.open(source, new Sources.Options(user, password, teachers, defaultTerm), target);
        } catch (Exception e) {
            err.println("Cannot read the source: " + message(e));
            return 1;
        }
        try (Source from = opened) {
            out.println((dryRun ? "Dry run: migrate from " : "Migrate from ") + from.description());
            out.println("        into " + rollcall.database().description());
            if (!dryRun) {
                backup.takeIfData("before migrate from " + from.description())
                        .ifPresent(id -> out.println("Safety backup taken before changing anything: " + id));
            }
            Progress progress = new Progress(err, System.console() != null, Duration.ofMillis((long) (progressSeconds * 1000)));
            MigrationReport report = migration.run(from, dryRun, chunkSize, progress);
            report.print(out);
            out.println(peakHeap());
            return report.exitCode();
        } catch (Exception e) {
            err.println("migrate stopped: " + message(e));
            err.println("What was copied before this stays. Fix the cause and run migrate again to finish.");
            return 1;
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? text : text + " (" + e.getClass().getSimpleName() + ")";
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap this run needed. */
    static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format("Peak heap: %,d MB (max %,d MB).", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
