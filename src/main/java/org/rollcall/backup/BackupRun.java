package org.rollcall.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.rollcall.common.DomainException;

/**
 * Takes one backup whose manifest is already in the store: reads the database in one consistent
 * snapshot, writes the data and keys files, and records the backup as COMPLETED, or as FAILED with
 * the reason and without its files.
 */
final class BackupRun {

    private static final Logger LOG = Logger.getLogger(BackupRun.class);
    /** JDBC's number for H2's SNAPSHOT isolation: every table is read as of one instant. */
    private static final int H2_SNAPSHOT = 6;

    private record Snapshot(String schemaVersion, List<Manifest.TableEntry> tables) {
    }

    private final BackupStore store;
    private final DataSource dataSource;
    private final String source;
    private final OptionalInt keepFull;
    private final Clock clock;

    /**
     * @param source   the database, as the manifest names it
     * @param keepFull how many full backups retention keeps after a backup completes, if any limit
     */
    BackupRun(BackupStore store, DataSource dataSource, String source, OptionalInt keepFull, Clock clock) {
        this.store = store;
        this.dataSource = dataSource;
        this.source = source;
        this.keepFull = keepFull;
        this.clock = clock;
    }

    /** Runs on the worker thread, outside any transaction of the caller. */
    Manifest take(Manifest created, Manifest parent, BackupProgress progress) {
        Manifest m = created.building(clock.instant(), source);
        Path dataPart = store.partOf(store.file(m.id(), BackupStore.DATA));
        Path keysPart = store.partOf(store.file(m.id(), BackupStore.KEYS));
        try {
            store.write(m);
            Map<String, Map<String, String>> parentKeys = null;
            if (parent != null) {
                new SnapshotRestorer(store, List.of(parent)).verify();
                parentKeys = SnapshotWriter.readKeys(store.file(parent.id(), parent.keys().name()), parent);
            }
            Snapshot snapshot;
            try (Connection c = dataSource.getConnection()) {
                snapshot = write(c, parent, parentKeys, dataPart, keysPart, progress);
            }
            store.publish(dataPart);
            store.publish(keysPart);
            m = m.completed(clock.instant(), snapshot.schemaVersion(), snapshot.tables(),
                    BackupStore.measure(store.file(m.id(), BackupStore.DATA)),
                    BackupStore.measure(store.file(m.id(), BackupStore.KEYS)));
            store.write(m);
            LOG.infof("Backup %s ('%s') completed: %d rows in %d tables, %d bytes", m.id(), m.name(),
                    snapshot.tables().stream().mapToLong(Manifest.TableEntry::rows).sum(), snapshot.tables().size(), m.sizeBytes());
            if (keepFull.isPresent()) {
                Retention.prune(store, keepFull.getAsInt());
            }
            return m;
        } catch (Exception e) {
            String reason = e instanceof DomainException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e instanceof DomainException ? null : e, "Backup %s failed: %s", m.id(), reason);
            store.deleteQuietly(dataPart);
            store.deleteQuietly(keysPart);
            store.deleteQuietly(store.file(m.id(), BackupStore.DATA));
            store.deleteQuietly(store.file(m.id(), BackupStore.KEYS));
            try {
                store.write(m.failed(clock.instant(), reason));
            } catch (IOException writeFailed) {
                LOG.errorf("Could not mark backup %s as FAILED: %s", m.id(), writeFailed.getMessage());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(reason, e);
        }
    }

    /** Writes every table as of one instant, in a read-only transaction that is rolled back. */
    private Snapshot write(Connection c, Manifest parent, Map<String, Map<String, String>> parentKeys, Path dataPart,
            Path keysPart, BackupProgress progress) throws SQLException, IOException {
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        try {
            DbTables probe = DbTables.of(c);
            c.setTransactionIsolation(probe.isMysql() ? Connection.TRANSACTION_REPEATABLE_READ : H2_SNAPSHOT);
            c.setReadOnly(true);
            // the first read fixes the snapshot; everything after sees the database as of that instant
            String schemaVersion = DbTables.schemaVersion(c);
            if (parent != null && !Objects.equals(parent.schemaVersion(), schemaVersion)) {
                throw DomainException.conflict("The schema changed since backup " + parent.id() + " (version "
                        + parent.schemaVersion() + ", now " + schemaVersion + "); take a full backup.");
            }
            List<Manifest.TableEntry> tables = new SnapshotWriter(DbTables.of(c), parentKeys).write(c, dataPart, keysPart, progress);
            c.commit();
            return new Snapshot(schemaVersion, tables);
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(true);
        }
    }
}
