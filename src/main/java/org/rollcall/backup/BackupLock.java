package org.rollcall.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicReference;

import org.rollcall.common.DomainException;

/**
 * One backup (or restore) at a time: in this process through a flag, across the processes sharing
 * the backup directory through a lock file in it.
 */
final class BackupLock {

    /** Work that needs the backup directory to itself. */
    interface WhileIdle<T> {
        T run() throws IOException;
    }

    private final BackupStore store;
    /** The backup being taken in this process ("restore" while restoring), or null. */
    private final AtomicReference<String> running = new AtomicReference<>();
    private volatile FileLock processLock;

    BackupLock(BackupStore store) {
        this.store = store;
    }

    /** Takes both locks for {@code purpose}, or refuses with a 409 that says what is running. */
    void acquire(String purpose) {
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

    /** Names the backup that holds the lock, so a refused caller is told which one runs. */
    void heldBy(String backupId) {
        running.set(backupId);
    }

    void release() {
        BackupStore.release(processLock);
        processLock = null;
        running.set(null);
    }

    /**
     * Runs {@code work} holding both locks only briefly, and returns {@code otherwise} without
     * running it when a backup or restore holds either: in this process, or in another one.
     */
    <T> T whileIdle(WhileIdle<T> work, T otherwise) throws IOException {
        if (!running.compareAndSet(null, "check")) {
            return otherwise;
        }
        FileLock lock = null;
        try {
            lock = store.tryLockAcrossProcesses();
            return lock == null ? otherwise : work.run();
        } finally {
            BackupStore.release(lock);
            running.set(null);
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
}
