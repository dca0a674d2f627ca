package org.rollcall.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.RollcallConfig;
import org.rollcall.common.Validation;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Backups of the whole database into the backup directory, and restores from them into an empty
 * database. One backup (or restore) runs at a time in this process and, through a lock file in
 * the backup directory, across the processes sharing that directory.
 */
@ApplicationScoped
public class BackupService {

    /** What a restore put back. */
    public record RestoreReport(String id, List<String> chain, Map<String, Long> rows) {
    }

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    /** JDBC's number for H2's SNAPSHOT isolation: every table is read as of one instant. */
    private static final int H2_SNAPSHOT = 6;

    private final BackupStore store;
    private final DataSource dataSource;
    private final RollcallConfig config;
    private final BackupConfig backupConfig;
    private final Validation validation;
    private final Clock clock = Clock.systemUTC();
    /** The backup being taken in this process ("restore" while restoring), or null. */
    private final AtomicReference<String> running = new AtomicReference<>();
    private volatile FileLock processLock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rollcall-backup");
        t.setDaemon(true);
        return t;
    });

    public BackupService(BackupConfig backupConfig, DataSource dataSource, RollcallConfig config, Validation validation) {
        this.store = new BackupStore(backupConfig.dir());
        this.dataSource = dataSource;
        this.config = config;
        this.backupConfig = backupConfig;
        this.validation = validation;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public Path directory() {
        return store.dir();
    }

    public List<BackupView> list(Actor actor) {
        requireAdmin(actor);
        return catalogue().stream().map(BackupView::of).toList();
    }

    public Optional<BackupView> find(Actor actor, String id) {
        requireAdmin(actor);
        return catalogue().stream().filter(m -> m.id().equals(id)).findFirst().map(BackupView::of);
    }

    /** Takes a backup and returns when it is COMPLETED; throws when it FAILED. */
    public BackupView create(Actor actor, BackupRequest request, BackupProgress progress) {
        Started started = begin(actor, request, progress);
        try {
            return BackupView.of(started.job().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for backup " + started.manifest().id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DomainException d) {
                throw d;
            }
            throw new IllegalStateException("Backup " + started.manifest().id() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public BackupView create(Actor actor, BackupRequest request) {
        return create(actor, request, BackupProgress.NONE);
    }

    /** Starts a backup in the background and returns it as NEW; its status shows how it goes. */
    public BackupView start(Actor actor, BackupRequest request) {
        return BackupView.of(begin(actor, request, BackupProgress.NONE).manifest());
    }

    private record Started(Manifest manifest, Future<Manifest> job) {
    }

    private Started begin(Actor actor, BackupRequest input, BackupProgress progress) {
        requireAdmin(actor);
        BackupRequest request = validation.check((input == null ? new BackupRequest(null, null, null, null) : input).normalised());
        lock("backup");
        try {
            Manifest parent = request.isIncremental() ? parentFor(request) : null;
            Manifest manifest = Manifest.started(store.newId(clock.instant()), request.name(), request.description(),
                    parent == null ? Manifest.Kind.FULL : Manifest.Kind.INCREMENTAL, parent == null ? null : parent.id(), clock.instant());
            store.create(manifest);
            running.set(manifest.id());
            Future<Manifest> job = worker.submit(() -> build(manifest, parent, progress));
            return new Started(manifest, job);
        } catch (IOException e) {
            unlock();
            throw new UncheckedIOException("Cannot write to the backup directory " + store.dir(), e);
        } catch (RuntimeException e) {
            unlock();
            throw e;
        }
    }

    private Manifest parentFor(BackupRequest request) {
        if (request.parentId() == null) {
            return catalogue().stream().filter(Manifest::isCompleted).findFirst().orElseThrow(() -> DomainException.conflict(
                    "There is no completed backup to be the parent of an incremental one; take a full backup first."));
        }
        Manifest parent = store.read(request.parentId())
                .orElseThrow(() -> DomainException.invalid("parentId", "is not a backup in " + store.dir()));
        if (!parent.isCompleted()) {
            throw DomainException.invalid("parentId", "is " + parent.status() + "; only a COMPLETED backup can be a parent");
        }
        return parent;
    }

    /** Runs on the worker thread, outside any transaction of the caller. Releases the lock when done. */
    private Manifest build(Manifest created, Manifest parent, BackupProgress progress) {
        Manifest m = created.building(clock.instant(), config.database().description());
        Path dataPart = store.partOf(store.file(m.id(), BackupStore.DATA));
        Path keysPart = store.partOf(store.file(m.id(), BackupStore.KEYS));
        try {
            store.write(m);
            Map<String, Map<String, String>> parentKeys = null;
            if (parent != null) {
                new SnapshotRestorer(store, List.of(parent)).verify();
                parentKeys = SnapshotWriter.readKeys(store.file(parent.id(), parent.keys().name()), parent);
            }
            String schemaVersion;
            List<Manifest.TableEntry> tables;
            try (Connection c = dataSource.getConnection()) {
                int isolation = c.getTransactionIsolation();
                c.setAutoCommit(false);
                try {
                    DbTables probe = DbTables.of(c);
                    c.setTransactionIsolation(probe.isMysql() ? Connection.TRANSACTION_REPEATABLE_READ : H2_SNAPSHOT);
                    c.setReadOnly(true);
                    // the first read fixes the snapshot; everything after sees the database as of that instant
                    schemaVersion = DbTables.schemaVersion(c);
                    if (parent != null && !Objects.equals(parent.schemaVersion(), schemaVersion)) {
                        throw DomainException.conflict("The schema changed since backup " + parent.id() + " (version "
                                + parent.schemaVersion() + ", now " + schemaVersion + "); take a full backup.");
                    }
                    tables = new SnapshotWriter(DbTables.of(c), parentKeys).write(c, dataPart, keysPart, progress);
                    c.commit();
                } finally {
                    c.rollback();
                    c.setReadOnly(false);
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(true);
                }
            }
            store.publish(dataPart);
            store.publish(keysPart);
            m = m.completed(clock.instant(), schemaVersion, tables,
                    BackupStore.measure(store.file(m.id(), BackupStore.DATA)),
                    BackupStore.measure(store.file(m.id(), BackupStore.KEYS)));
            store.write(m);
            LOG.infof("Backup %s ('%s') completed: %d rows in %d tables, %d bytes", m.id(), m.name(),
                    tables.stream().mapToLong(Manifest.TableEntry::rows).sum(), tables.size(), m.sizeBytes());
            if (backupConfig.keepFull().isPresent()) {
                pruneLocked(backupConfig.keepFull().getAsInt());
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
        } finally {
            unlock();
        }
    }

    public void delete(Actor actor, String id) {
        requireAdmin(actor);
        List<Manifest> all = catalogue();
        Manifest target = all.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("No backup '" + id + "'."));
        if (target.isRunning()) {
            throw DomainException.conflict("Backup " + id + " is still running; delete it when it has finished.");
        }
        List<String> children = all.stream().filter(m -> id.equals(m.parentId())).map(Manifest::id).toList();
        if (!children.isEmpty()) {
            throw DomainException.conflict("Backup " + id + " cannot be deleted: incremental backup" + (children.size() == 1 ? " " : "s ")
                    + String.join(", ", children) + (children.size() == 1 ? " depends" : " depend") + " on it. Delete "
                    + (children.size() == 1 ? "that one" : "those") + " first.");
        }
        try {
            store.delete(id);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete backup " + id, e);
        }
        LOG.infof("Backup %s ('%s') deleted", id, target.name());
    }

    /** Keeps the newest {@code keepFull} full backups with their chains; returns the ids deleted. */
    public List<String> prune(Actor actor, int keepFull) {
        requireAdmin(actor);
        if (keepFull < 1) {
            throw DomainException.invalid("keep", "must be at least 1");
        }
        lock("prune");
        try {
            return pruneLocked(keepFull);
        } finally {
            unlock();
        }
    }

    private List<String> pruneLocked(int keepFull) {
        List<Manifest> doomed = new ArrayList<>(Retention.toDelete(store.scan(), keepFull));
        doomed.sort(Comparator.comparing(Manifest::createdAt).reversed()); // children before their parents
        List<String> deleted = new ArrayList<>();
        for (Manifest m : doomed) {
            try {
                store.delete(m.id());
                deleted.add(m.id());
            } catch (IOException e) {
                LOG.warnf("Retention could not delete backup %s: %s", m.id(), e.getMessage());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("Retention (keep %d full backups): deleted %s", keepFull, String.join(", ", deleted));
        }
        return deleted;
    }

    /** Writes the backup's files as a zip; refused unless it COMPLETED. */
    public void download(Actor actor, String id, OutputStream out) throws IOException {
        store.zip(completed(actor, id), out);
    }

    public Manifest completed(Actor actor, String id) {
        requireAdmin(actor);
        Manifest m = store.read(id).orElseThrow(() -> DomainException.notFound("No backup '" + id + "'."));
        if (!m.isCompleted()) {
            throw DomainException.conflict("Backup " + id + " is " + m.status() + "; only a COMPLETED backup can be used.");
        }
        return m;
    }

    /**
     * Restores a backup (with its chain) into the database behind {@code target}, which must be
     * empty. Checksums and the target are checked before anything is written; a restore that
     * fails part way removes the rows it wrote.
     */
    public RestoreReport restore(Actor actor, String id, Connection target, BackupProgress progress) {
        List<Manifest> chain = chain(actor, id);
        lock("restore");
        try {
            Map<String, Long> rows = new SnapshotRestorer(store, chain).restore(target, progress);
            LOG.infof("Restored backup %s (%d in its chain): %s", id, chain.size(), rows);
            return new RestoreReport(id, chain.stream().map(Manifest::id).toList(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Restore of backup " + id + " failed; the rows it wrote were removed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Restore of backup " + id + " failed; the rows it wrote were removed", e);
        } finally {
            unlock();
        }
    }

    /** The backup and its parents down to the full backup, newest first. */
    List<Manifest> chain(Actor actor, String id) {
        List<Manifest> chain = new ArrayList<>();
        Manifest at = completed(actor, id);
        chain.add(at);
        while (at.kind() == Manifest.Kind.INCREMENTAL) {
            String parentId = at.parentId();
            Manifest child = at;
            at = store.read(parentId).filter(Manifest::isCompleted).orElseThrow(() -> DomainException.conflict("Backup " + child.id()
                    + " cannot be restored: its parent " + parentId + " is missing or not COMPLETED."));
            if (chain.size() > 10_000 || chain.contains(at)) {
                throw DomainException.conflict("Backup " + id + " has a broken chain of parents.");
            }
            chain.add(at);
        }
        return chain;
    }

    /** True when any table other than instance settings has a row; false for a database without tables. */
    public boolean databaseHoldsData() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return DbTables.of(c).dataCounts(c).values().stream().anyMatch(n -> n > 0);
            }
        });
    }

    /**
     * The catalogue, with backups left NEW or BUILDING by a process that died shown (and recorded)
     * as FAILED. That is only decided while holding both this process's flag and the lock across
     * processes, on a fresh reading of the directory: nothing can be taking a backup then.
     */
    private List<Manifest> catalogue() {
        List<Manifest> all = store.scan();
        if (all.stream().noneMatch(Manifest::isRunning) || !running.compareAndSet(null, "check")) {
            return all;   // nothing to look into, or a backup or restore runs in this process: its NEW/BUILDING is real
        }
        FileLock lock = null;
        try {
            lock = store.tryLockAcrossProcesses();
            if (lock == null) {
                return all; // another process is taking a backup: its NEW/BUILDING is real
            }
            // read again under the lock: a backup that was BUILDING when first read may have completed since
            List<Manifest> fixed = new ArrayList<>();
            for (Manifest m : store.scan()) {
                if (m.isRunning()) {
                    m = m.failed(clock.instant(), "Interrupted: the process taking this backup stopped before it finished.");
                    store.write(m);
                }
                fixed.add(m);
            }
            return fixed;
        } catch (IOException e) {
            LOG.warnf("Could not check for interrupted backups: %s", e.getMessage());
            return all;
        } finally {
            BackupStore.release(lock);
            running.set(null);
        }
    }

    private void lock(String purpose) {
        if (!running.compareAndSet(null, purpose)) {
            throw busy(running.get());
        }
        try {
            FileLock lock = store.tryLockAcrossProcesses();
            if (lock == null) {
                running.set(null);
                throw DomainException.conflict("Another Rollcall process is taking a backup or restoring from " + store.dir()
                        + "; only one runs at a time. Try again when it has finished.");
            }
            processLock = lock;
        } catch (IOException e) {
            running.set(null);
            throw new UncheckedIOException("Cannot lock the backup directory " + store.dir(), e);
        }
    }

    private DomainException busy(String what) {
        if (what != null && what.matches(BackupStore.ID_PATTERN)) {
            String name = store.read(what).map(Manifest::name).orElse("");
            return DomainException.conflict("Backup " + what + " ('" + name + "') is running; only one backup runs at a time."
                    + " Try again when it has finished.");
        }
        return DomainException.conflict("A backup or restore is running; only one runs at a time. Try again when it has finished.");
    }

    private void unlock() {
        BackupStore.release(processLock);
        processLock = null;
        running.set(null);
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            throw DomainException.forbidden("Only an admin can manage backups.");
        }
    }
}
