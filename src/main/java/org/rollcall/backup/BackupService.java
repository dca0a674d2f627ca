package org.rollcall.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.rollcall.access.AccessPolicy;
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

    @Inject
    BackupConfig backupConfig;
    @Inject
    DataSource dataSource;
    @Inject
    RollcallConfig config;
    @Inject
    Validation validation;
    private final Clock clock = Clock.systemUTC();
    private BackupStore store;
    private BackupLock lock;
    private BackupRun run;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rollcall-backup");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void open() {
        store = new BackupStore(backupConfig.dir());
        lock = new BackupLock(store);
        run = new BackupRun(store, dataSource, config.database().description(), backupConfig.keepFull(), clock);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public Path directory() {
        return store.dir();
    }

    public List<BackupView> list(Actor actor) {
        AccessPolicy.requireAdmin(actor, "manage backups");
        return catalogue().stream().map(BackupView::of).toList();
    }

    public Optional<BackupView> find(Actor actor, String id) {
        AccessPolicy.requireAdmin(actor, "manage backups");
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
        AccessPolicy.requireAdmin(actor, "manage backups");
        BackupRequest request = validation.check((input == null ? new BackupRequest(null, null, null, null) : input).normalised());
        lock.acquire("backup");
        try {
            Manifest parent = request.isIncremental() ? parentFor(request) : null;
            Manifest manifest = Manifest.started(store.newId(clock.instant()), request.name(), request.description(),
                    parent == null ? Manifest.Kind.FULL : Manifest.Kind.INCREMENTAL, parent == null ? null : parent.id(), clock.instant());
            store.create(manifest);
            lock.heldBy(manifest.id());
            Future<Manifest> job = worker.submit(() -> {
                try {
                    return run.take(manifest, parent, progress);
                } finally {
                    lock.release();
                }
            });
            return new Started(manifest, job);
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("Cannot write to the backup directory " + store.dir(), e);
        } catch (RuntimeException e) {
            lock.release();
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

    public void delete(Actor actor, String id) {
        AccessPolicy.requireAdmin(actor, "manage backups");
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
        AccessPolicy.requireAdmin(actor, "manage backups");
        if (keepFull < 1) {
            throw DomainException.invalid("keep", "must be at least 1");
        }
        lock.acquire("prune");
        try {
            return Retention.prune(store, keepFull);
        } finally {
            lock.release();
        }
    }

    /** Writes the backup's files as a zip; refused unless it COMPLETED. */
    public void download(Actor actor, String id, OutputStream out) throws IOException {
        store.zip(completed(actor, id), out);
    }

    public Manifest completed(Actor actor, String id) {
        AccessPolicy.requireAdmin(actor, "manage backups");
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
        lock.acquire("restore");
        try {
            Map<String, Long> rows = new SnapshotRestorer(store, chain).restore(target, progress);
            LOG.infof("Restored backup %s (%d in its chain): %s", id, chain.size(), rows);
            return new RestoreReport(id, chain.stream().map(Manifest::id).toList(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Restore of backup " + id + " failed; the rows it wrote were removed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Restore of backup " + id + " failed; the rows it wrote were removed", e);
        } finally {
            lock.release();
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
        if (all.stream().noneMatch(Manifest::isRunning)) {
            return all;
        }
        try {
            // a backup or restore running, here or in another process, makes NEW/BUILDING real; otherwise
            // read again under the lock: a backup that was BUILDING when first read may have completed since
            return lock.whileIdle(() -> {
                List<Manifest> fixed = new ArrayList<>();
                for (Manifest m : store.scan()) {
                    if (m.isRunning()) {
                        m = m.failed(clock.instant(), "Interrupted: the process taking this backup stopped before it finished.");
                        store.write(m);
                    }
                    fixed.add(m);
                }
                return fixed;
            }, all);
        } catch (IOException e) {
            LOG.warnf("Could not check for interrupted backups: %s", e.getMessage());
            return all;
        }
    }
}
