package org.rollcall.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.backup.BackupRequest;
import org.rollcall.backup.BackupService;
import org.rollcall.backup.BackupView;
import org.rollcall.common.DomainException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Take, list, show and delete backups of the database (kept in ROLLCALL_BACKUP_DIR).",
        subcommands = { BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Show.class,
                BackupCommand.Delete.class, BackupCommand.Prune.class })
public class BackupCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Take a backup now and wait until it is COMPLETED (exit 0) or FAILED (exit 1).")
    @Dependent
    public static class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the backup, up to 64 characters.")
        String name;

        @Option(names = "--description", paramLabel = "D", description = "What the backup is for.")
        String description;

        @Option(names = "--incremental", description = "Hold only what changed since the parent (default: the newest completed backup).")
        boolean incremental;

        @Option(names = "--parent", paramLabel = "ID", description = "Parent of an incremental backup.")
        String parent;

        @Option(names = "--keep", paramLabel = "N", description = "Afterwards keep only the newest N full backups with their chains.")
        Integer keep;

        @Inject
        BackupService backups;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                if (parent != null && !incremental) {
                    throw DomainException.invalid("parent", "is only for --incremental backups");
                }
                BackupView b = backups.create(Actor.SYSTEM, new BackupRequest(name, description, incremental, parent),
                        (table, rows) -> System.out.printf("  %-24s %,d rows%n", table, rows));
                System.out.printf("Backup %s ('%s') %s: %,d rows, %,d bytes, SHA-256 %s%n", b.id(), b.name(), b.status(),
                        b.totalRows(), b.sizeBytes(), b.sha256());
                if (keep != null) {
                    List<String> deleted = backups.prune(Actor.SYSTEM, keep);
                    System.out.println(deleted.isEmpty() ? "Retention: nothing to delete" : "Retention deleted: " + String.join(", ", deleted));
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List backups, newest first.")
    @Dependent
    public static class ListBackups implements Callable<Integer> {

        @Inject
        BackupService backups;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                List<BackupView> all = backups.list(Actor.SYSTEM);
                System.out.println("Backups in " + backups.directory() + ":");
                if (all.isEmpty()) {
                    System.out.println("  none");
                    return;
                }
                System.out.printf("%-20s  %-24s  %-11s  %-9s  %-20s  %-20s  %10s%n", "ID", "NAME", "KIND", "STATUS", "PARENT", "CREATED", "ROWS");
                for (BackupView b : all) {
                    System.out.printf("%-20s  %-24s  %-11s  %-9s  %-20s  %-20s  %10s%n", b.id(), abbreviate(b.name(), 24), b.kindLabel(),
                            b.status(), b.parentId() == null ? "-" : b.parentId(), b.createdLabel(), b.completed() ? b.totalRows() : "-");
                }
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one backup with its counts per table.")
    @Dependent
    public static class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Inject
        BackupService backups;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                BackupView b = backups.find(Actor.SYSTEM, id).orElseThrow(() -> DomainException.notFound("No backup '" + id + "'."));
                System.out.println("ID:             " + b.id());
                System.out.println("Name:           " + b.name());
                System.out.println("Description:    " + (b.description() == null ? "-" : b.description()));
                System.out.println("Kind:           " + b.kindLabel() + (b.parentId() == null ? "" : " (parent " + b.parentId() + ")"));
                System.out.println("Status:         " + b.status() + (b.failure() == null ? "" : ": " + b.failure()));
                System.out.println("Created:        " + b.createdAt());
                System.out.println("Completed:      " + (b.completedAt() == null ? "-" : b.completedAt()));
                System.out.println("Source:         " + (b.source() == null ? "-" : b.source()));
                System.out.println("Schema version: " + (b.schemaVersion() == null ? "-" : b.schemaVersion()));
                System.out.println("Size:           " + b.sizeBytes() + " bytes");
                System.out.println("SHA-256 (data): " + (b.sha256() == null ? "-" : b.sha256()));
                if (!b.tables().isEmpty()) {
                    System.out.printf("%-24s %12s %12s %12s%n", "TABLE", "ROWS", "WRITTEN", "DELETED");
                    for (BackupView.TableCount t : b.tables()) {
                        System.out.printf("%-24s %12d %12d %12d%n", t.table(), t.rows(), t.written(), t.deleted());
                    }
                }
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a backup. Refused while an incremental backup depends on it.")
    @Dependent
    public static class Delete implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Inject
        BackupService backups;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                backups.delete(Actor.SYSTEM, id);
                System.out.println("Deleted backup " + id);
            });
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Keep only the newest N full backups with their incremental chains; delete the rest.")
    @Dependent
    public static class Prune implements Callable<Integer> {

        @Option(names = "--keep", paramLabel = "N", required = true, description = "How many full backups to keep.")
        int keep;

        @Inject
        BackupService backups;

        @Override
        public Integer call() {
            return BackupCli.run(() -> {
                List<String> deleted = backups.prune(Actor.SYSTEM, keep);
                System.out.println(deleted.isEmpty() ? "Nothing to delete" : "Deleted: " + String.join(", ", deleted));
            });
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
