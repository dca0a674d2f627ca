package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.transfer.source.Source.Entity;
import org.rollcall.transfer.source.Source.Read;
import org.rollcall.transfer.source.Source.Sink;
import org.rollcall.transfer.source.Source;
import org.rollcall.user.UserRow;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Copies a source into this database through the bulk engine (the transfers, with the web app's
 * rules), chunk by chunk: classes, then users,
 * then memberships. Each chunk is one transaction, so a run killed at any point leaves whole
 * chunks behind, and running again (upsert by username / class code) completes it.
 */
@ApplicationScoped
public class Migration {

    private static final int VERIFY_CHUNK = 1000;

    @Inject
    ClassTransfer classes;
    @Inject
    UserTransfer users;
    @Inject
    MembershipTransfer memberships;
    @Inject
    AuditLog audit;

    @FunctionalInterface
    interface Reader<T> {
        void read(Sink<T> sink) throws Exception;
    }

    public MigrationReport run(Source source, boolean dryRun, int chunkSize, Progress progress) throws Exception {
        long started = System.nanoTime();
        long cpuStarted = cpuTime();
        ImportRun run = new ImportRun(dryRun);
        MigrationReport report = new MigrationReport(dryRun);
        Map<Entity, Long> counts = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            counts.put(entity, source.count(entity));
        }
        new Phase<ClassRow>(Entity.CLASSES, chunkSize, run, report, progress)
                .copy(counts.get(Entity.CLASSES), source::classes, rows -> classes.importChunk(Actor.SYSTEM, rows, run));
        new Phase<UserRow>(Entity.USERS, chunkSize, run, report, progress)
                .copy(counts.get(Entity.USERS), source::users, rows -> users.importChunk(Actor.SYSTEM, rows, run));
        new Phase<MembershipRow>(Entity.MEMBERSHIPS, chunkSize, run, report, progress)
                .copy(counts.get(Entity.MEMBERSHIPS), source::memberships, rows -> memberships.importChunk(Actor.SYSTEM, rows, run));
        source.problems().forEach(report::problem);
        source.notes().forEach(report::note);
        for (Entity entity : Entity.values()) {
            long read = report.tally(entity).read;
            if (read != counts.get(entity)) {
                report.mismatch(String.format("%s: the source holds %,d but %,d were read", entity.label, counts.get(entity), read));
            }
        }
        if (!dryRun) {
            QuarkusTransaction.requiringNew().run(() -> {
                verify(run, report);
                String from = source.description();
                audit.record(Actor.SYSTEM, AuditAction.DATABASE_MIGRATE, "this database", report.counts() + "; from "
                        + (from.length() > 300 ? from.substring(0, 300) + "..." : from));
            });
        }
        report.elapsed(System.nanoTime() - started, cpuTime() - cpuStarted);
        return report;
    }

    /** CPU time of this thread, which imports (the source is read on another; JIT and GC run elsewhere). */
    private static long cpuTime() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** Checks that every record accepted is now in this database. */
    private void verify(ImportRun run, MigrationReport report) {
        long classesFound = 0;
        for (List<String> chunk : chunks(run.classCodes())) {
            classesFound += classes.stored(chunk).size();
        }
        long usersFound = 0;
        long membershipsFound = 0;
        for (List<String> chunk : chunks(run.usernames())) {
            usersFound += users.stored(chunk).size();
            membershipsFound += memberships.storedKeysOf(chunk).stream()
                    .filter(key -> {
                        int slash = key.indexOf('/');
                        return run.hasMembership(key.substring(0, slash), key.substring(slash + 1));
                    }).count();
        }
        check(report, Entity.CLASSES, classesFound);
        check(report, Entity.USERS, usersFound);
        check(report, Entity.MEMBERSHIPS, membershipsFound);
    }

    private static void check(MigrationReport report, Entity entity, long found) {
        MigrationReport.Tally t = report.tally(entity);
        String line = String.format("%s: %,d read, %,d rejected, %,d expected in this database, %,d found", entity.label,
                t.read, t.rejected, t.accepted(), found);
        if (found == t.accepted()) {
            report.verified(line);
        } else {
            report.mismatch(line);
        }
    }

    private static List<List<String>> chunks(Iterable<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>(VERIFY_CHUNK);
        for (String key : keys) {
            chunk.add(key);
            if (chunk.size() == VERIFY_CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>(VERIFY_CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** One kind of record: read, chunk, import, tally. */
    static final class Phase<T> {
        private final Entity entity;
        private final int chunkSize;
        private final ImportRun run;
        private final MigrationReport report;
        private final Progress progress;

        Phase(Entity entity, int chunkSize, ImportRun run, MigrationReport report, Progress progress) {
            this.entity = entity;
            this.chunkSize = chunkSize;
            this.run = run;
            this.report = report;
            this.progress = progress;
        }

        /**
         * Reads on a thread of its own, a couple of chunks ahead, so that reading the source and
         * writing this database overlap; imports and tallies stay on the calling thread. Should
         * the import fail, the reader is told to stop, whatever the source does with interrupts.
         */
        void copy(long total, Reader<T> reader, Function<List<T>, List<ImportOutcome>> importer) throws Exception {
            progress.start(entity.label, total);
            BlockingQueue<List<Read<T>>> ahead = new ArrayBlockingQueue<>(2);
            List<Read<T>> end = new ArrayList<>();
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            Thread reading = new Thread(() -> {
                try {
                    List<List<Read<T>>> chunk = new ArrayList<>(List.of(new ArrayList<>(chunkSize)));
                    int[] accepted = { 0 };
                    reader.read(read -> {
                        if (stopped.get()) {
                            throw new ReadStopped();
                        }
                        chunk.get(0).add(read);
                        if (read.problem() == null && ++accepted[0] >= chunkSize) {
                            hand(ahead, chunk.get(0), stopped);
                            chunk.set(0, new ArrayList<>(chunkSize));
                            accepted[0] = 0;
                        }
                    });
                    hand(ahead, chunk.get(0), stopped);
                } catch (Throwable e) {
                    readFailure.set(e);
                } finally {
                    try {
                        hand(ahead, end, stopped);
                    } catch (ReadStopped e) {
                        // the importing side stopped: nobody waits for the end
                    }
                }
            }, "migrate-reader-" + entity.name().toLowerCase(java.util.Locale.ROOT));
            reading.setDaemon(true);
            reading.start();
            try {
                for (List<Read<T>> reads = ahead.take(); reads != end; reads = ahead.take()) {
                    List<Read<T>> rows = new ArrayList<>(reads.size());
                    for (Read<T> read : reads) {
                        if (read.problem() != null) {
                            report.record(entity, read.origin(), ImportOutcome.rejected(read.key(), read.problem()));
                            progress.advance(1);
                        } else {
                            rows.add(read);
                        }
                    }
                    if (!rows.isEmpty()) {
                        importChunk(rows, importer);
                    }
                }
            } catch (Exception e) {
                Throwable lost = readFailure.get();
                if (lost != null && !(lost instanceof ReadStopped)) {
                    e.addSuppressed(lost);
                }
                throw e;
            } finally {
                stopped.set(true);
                ahead.clear();
                reading.interrupt();
                reading.join();
            }
            Throwable failure = readFailure.get();
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            progress.finish();
        }

        /** Hands a chunk to the importing side, waiting while it is busy, unless it has stopped. */
        private static <C> void hand(BlockingQueue<C> queue, C chunk, AtomicBoolean stopped) {
            try {
                while (!stopped.get()) {
                    if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ReadStopped();
        }

        /** The importing side stopped (it failed): the reader gives up. */
        private static final class ReadStopped extends RuntimeException {
            ReadStopped() {
                super(null, null, false, false);
            }
        }

        /** Imports a chunk (see {@link RowTransfer#importChunk}) and records each row's outcome with where it came from. */
        private void importChunk(List<Read<T>> chunk, Function<List<T>, List<ImportOutcome>> importer) {
            List<ImportOutcome> outcomes = importer.apply(chunk.stream().map(Read::row).toList());
            for (int i = 0; i < chunk.size(); i++) {
                report.record(entity, chunk.get(i).origin(), outcomes.get(i));
            }
            progress.advance(chunk.size());
        }
    }
}
