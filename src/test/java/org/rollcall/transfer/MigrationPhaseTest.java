package org.rollcall.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.transfer.source.Source.Entity;
import org.rollcall.transfer.source.Source.Read;

/** The source is read on a thread of its own, ahead of the import: nothing lost, and a failed import stops the reading. */
class MigrationPhaseTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private final MigrationReport report = new MigrationReport(false);

    private Migration.Phase<String> phase(int chunkSize) {
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()), false, Duration.ofHours(1));
        return new Migration.Phase<>(Entity.USERS, chunkSize, new ImportRun(false), report, progress);
    }

    /** A source of {@code n} rows; every tenth one is unreadable. */
    private static Migration.Reader<String> source(int n, boolean swallowsSinkErrors) {
        return sink -> {
            for (int i = 0; i < n; i++) {
                Read<String> read = i % 10 == 9 ? Read.<String>problem("line " + i, "u" + i, "unreadable")
                        : Read.of("line " + i, "u" + i);
                try {
                    sink.accept(read);
                } catch (RuntimeException e) {
                    if (!swallowsSinkErrors) {
                        throw e;
                    }
                }
            }
        };
    }

    @Test
    void everyRowArrivesOnceInOrderAndTheUnreadableAreTallied() throws Exception {
        List<String> imported = new ArrayList<>();
        phase(7).copy(1000, source(1000, false), rows -> {
            imported.addAll(rows);
            return rows.stream().map(ImportOutcome::created).toList();
        });
        assertEquals(900, imported.size());
        assertEquals("u0", imported.get(0));
        assertEquals("u998", imported.get(899));
        assertEquals(imported.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)),
                Integer.parseInt(b.substring(1)))).toList(), imported, "in source order");
        assertEquals(1000, report.tally(Entity.USERS).read);
        assertEquals(100, report.tally(Entity.USERS).rejected);
    }

    @Test
    void aFailedImportStopsTheReaderEvenWhenTheSourceSwallowsErrors() {
        for (boolean swallows : new boolean[] { false, true }) {
            IllegalStateException failure = new IllegalStateException("the database went away");
            int[] chunks = { 0 };
            // far more rows than the queue holds: the reader is blocked handing over chunks when the import fails
            IllegalStateException thrown = assertTimeoutPreemptively(BOUND, () -> assertThrows(IllegalStateException.class,
                    () -> phase(10).copy(100_000, source(100_000, swallows), rows -> {
                        if (++chunks[0] == 2) {
                            throw failure;
                        }
                        return rows.stream().map(ImportOutcome::created).toList();
                    })));
            assertSame(failure, thrown);
            assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("migrate-reader")),
                    "the reader thread ended");
        }
    }

    @Test
    void aFailingSourceFailsTheCopyAfterImportingTheWholeChunksBeforeIt() {
        List<String> imported = new ArrayList<>();
        Migration.Reader<String> broken = sink -> {
            for (int i = 0; i < 25; i++) {
                sink.accept(Read.of("line " + i, "u" + i));
            }
            throw new java.io.IOException("truncated file");
        };
        java.io.IOException thrown = assertTimeoutPreemptively(BOUND, () -> assertThrows(java.io.IOException.class,
                () -> phase(10).copy(100, broken, rows -> {
                    imported.addAll(rows);
                    return rows.stream().map(ImportOutcome::created).toList();
                })));
        assertEquals("truncated file", thrown.getMessage());
        assertEquals(20, imported.size(), "the whole chunks read before the failure were imported, as before");
    }
}
