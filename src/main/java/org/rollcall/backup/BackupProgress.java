package org.rollcall.backup;

/** Told after each table of a backup or restore, with its rows; lets a command show progress. */
@FunctionalInterface
public interface BackupProgress {

    BackupProgress NONE = (table, rows) -> {
    };

    void tableDone(String table, long rows);
}
