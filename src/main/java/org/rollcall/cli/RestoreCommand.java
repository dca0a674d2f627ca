package org.rollcall.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.backup.BackupService;
import org.rollcall.common.RollcallConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = { "Restore a backup (an incremental one with its whole chain) into this database, which must be empty.",
                "",
                "Checksums are verified before anything is written; a non-empty database is refused and left unchanged." })
@Dependent
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The backup to restore (see: backup list).")
    String id;

    @Inject
    BackupService backups;
    @Inject
    DataSource dataSource;
    @Inject
    RollcallConfig config;
    @Inject
    AuditLog audit;

    @Override
    public Integer call() {
        return BackupCli.run(() -> {
            System.out.println("Restoring backup " + id + " into " + config.database().description());
            long started = System.nanoTime();
            BackupService.RestoreReport report;
            try (Connection c = dataSource.getConnection()) {
                report = backups.restore(Actor.SYSTEM, id, c, (table, rows) -> System.out.printf("  %-24s %,d rows%n", table, rows));
            }
            long total = report.rows().values().stream().mapToLong(Long::longValue).sum();
            try {
                QuarkusTransaction.requiringNew().run(() -> audit.record(Actor.SYSTEM, AuditAction.DATABASE_RESTORE, "this database",
                        String.format("backup %s (chain: %s): %d rows; %s", id, String.join(" <- ", report.chain()), total, report.rows())));
            } catch (RuntimeException e) {
                // the data is back; a missing trail must not make the operator restore again
                System.err.println("Warning: the restore is complete, but its audit event could not be written: " + e.getMessage());
            }
            System.out.printf("Restored %,d rows from %s (chain: %s) in %.1f s%n", total, id, String.join(" <- ", report.chain()),
                    (System.nanoTime() - started) / 1e9);
        });
    }
}
