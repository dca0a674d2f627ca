package org.rollcall.transfer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.source.Source.Entity;

/** What a migrate read, did (or would do) and verified; printed at the end and decides the exit code. */
public final class MigrationReport {

    static final int OK = 0;
    static final int REJECTED = 3;
    static final int MISMATCH = 4;
    private static final int UPDATES_LISTED = 20;

    /** A record named in the report: rejected (with its reason) or updated. */
    record Entry(Entity entity, String origin, String key, String reason) {
    }

    static final class Tally {
        long read;
        long created;
        long updated;
        long unchanged;
        long rejected;

        long accepted() {
            return created + updated + unchanged;
        }
    }

    private final boolean dryRun;
    private final Map<Entity, Tally> tallies = new EnumMap<>(Entity.class);
    private final List<Entry> rejections = new ArrayList<>();
    private final List<Entry> updates = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> verified = new ArrayList<>();
    private long elapsedNanos;
    private long cpuNanos;

    MigrationReport(boolean dryRun) {
        this.dryRun = dryRun;
        for (Entity e : Entity.values()) {
            tallies.put(e, new Tally());
        }
    }

    /** "classes 3 read, 3 created, 0 updated, 0 unchanged, 0 rejected; users ...", for the audit log. */
    String counts() {
        StringBuilder counts = new StringBuilder();
        tallies.forEach((entity, t) -> counts.append(counts.length() == 0 ? "" : "; ").append(String.format(
                "%s %d read, %d created, %d updated, %d unchanged, %d rejected", entity.label, t.read, t.created, t.updated,
                t.unchanged, t.rejected)));
        return counts.toString();
    }

    Tally tally(Entity entity) {
        return tallies.get(entity);
    }

    void record(Entity entity, String origin, ImportOutcome outcome) {
        Tally t = tallies.get(entity);
        t.read++;
        switch (outcome.action()) {
            case CREATED -> t.created++;
            case UPDATED -> {
                t.updated++;
                if (updates.size() < UPDATES_LISTED) {
                    updates.add(new Entry(entity, origin, outcome.key(), null));
                }
            }
            case UNCHANGED -> t.unchanged++;
            case REJECTED -> {
                t.rejected++;
                rejections.add(new Entry(entity, origin, outcome.key(), outcome.reason()));
            }
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    void note(String note) {
        notes.add(note);
    }

    void mismatch(String mismatch) {
        mismatches.add(mismatch);
    }

    void verified(String line) {
        verified.add(line);
    }

    void elapsed(long nanos, long cpuNanos) {
        this.elapsedNanos = nanos;
        this.cpuNanos = cpuNanos;
    }

    public int exitCode() {
        if (!mismatches.isEmpty()) {
            return MISMATCH;
        }
        return rejections.isEmpty() && problems.isEmpty() ? OK : REJECTED;
    }

    public void print(PrintStream out) {
        out.println();
        out.println(dryRun ? "Dry run: nothing was written. This is what migrate would do:" : "Migrate report:");
        out.printf("  %-12s %10s %10s %10s %10s %10s%n", "", "read", dryRun ? "to create" : "created",
                dryRun ? "to update" : "updated", "unchanged", "rejected");
        for (Entity e : Entity.values()) {
            Tally t = tallies.get(e);
            out.printf("  %-12s %,10d %,10d %,10d %,10d %,10d%n", e.label, t.read, t.created, t.updated, t.unchanged, t.rejected);
        }
        if (!updates.isEmpty()) {
            long total = tallies.values().stream().mapToLong(t -> t.updated).sum();
            out.println();
            out.printf("%s (%s):%n", dryRun ? "Would update, as the source differs" : "Updated, as the source differed",
                    total > updates.size() ? "the first " + updates.size() + " of " + String.format("%,d", total) : String.valueOf(total));
            for (Entry u : updates) {
                out.printf("  %s '%s' (%s)%n", singular(u.entity()), u.key(), u.origin());
            }
        }
        if (!rejections.isEmpty()) {
            out.println();
            out.printf("Rejected (%,d), each with its reason:%n", rejections.size());
            for (Entry r : rejections) {
                out.printf("  %s %s (%s): %s%n", singular(r.entity()), r.key() == null ? "?" : "'" + r.key() + "'", r.origin(), r.reason());
            }
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("Problems with the options given:");
            problems.forEach(p -> out.println("  " + p));
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("Notes:");
            notes.forEach(n -> out.println("  " + n));
        }
        if (!verified.isEmpty() || !mismatches.isEmpty()) {
            out.println();
            out.println(mismatches.isEmpty() ? "Counts verified against the source:" : "COUNT MISMATCH against the source:");
            verified.forEach(v -> out.println("  ok       " + v));
            mismatches.forEach(m -> out.println("  MISMATCH " + m));
        }
        double seconds = elapsedNanos / 1e9;
        long users = tallies.get(Entity.USERS).read;
        out.println();
        out.printf("Took %.1f s (%,.0f users/s), of which %.1f s CPU in the importing thread.%n", seconds,
                seconds > 0 ? users / seconds : 0.0, cpuNanos / 1e9);
        switch (exitCode()) {
            case OK -> out.println(dryRun ? "Nothing would be rejected." : "Migrate finished: everything was copied.");
            case REJECTED -> out.println("Some records were rejected (exit code " + REJECTED + "). Fix them in the source and run"
                    + " migrate again: it updates what is there and adds what is missing.");
            default -> out.println("The target does not hold what was copied (exit code " + MISMATCH + "). Run migrate again;"
                    + " if this persists, something else is changing the target database.");
        }
    }

    private static String singular(Entity e) {
        return switch (e) {
            case CLASSES -> "class";
            case USERS -> "user";
            case MEMBERSHIPS -> "membership";
        };
    }
}
