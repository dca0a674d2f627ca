package org.rollcall.transfer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Validation;
import org.rollcall.common.db.KeyedRow;

/**
 * What moving users, classes and memberships in and out in bulk has in common: every row is first
 * normalised and checked on its own, each chunk leaves one audit event, and exports go page by page.
 */
public abstract class RowTransfer<T> {

    @Inject
    Validation validation;
    @Inject
    AuditLog audit;
    private final AuditAction action;
    private final String what;

    /** For the container's client proxy of a subclass, which never calls the methods on itself. */
    protected RowTransfer() {
        this(null, null);
    }

    RowTransfer(AuditAction action, String what) {
        this.action = action;
        this.what = what;
    }

    /** The rows normalised, in order; {@code null} where a row broke a rule, whose outcome is then its rejection. */
    record Checked<T>(List<T> valid, List<ImportOutcome> outcomes) {
    }

    /**
     * Imports one chunk in a transaction of its own, whatever the caller holds, so a chunk the
     * database refuses rolls back alone ({@link #requireMayImport} says who may): each row is normalised and checked on its
     * own, then the valid ones are decided against the database and the run; a dry run writes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ImportOutcome> apply(Actor actor, List<T> rows, ImportRun run) {
        requireMayImport(actor);
        Checked<T> checked = check(rows);
        decide(actor, checked.valid(), checked.outcomes(), run);
        recordChunk(actor, run, checked.outcomes());
        return checked.outcomes();
    }

    /** What the rows are, in plural ("users"), as audit events and refusals name them. */
    String what() {
        return what;
    }

    /** Who may import rows of this kind at all: admins, unless a kind checks the actor row by row in {@link #decide}. */
    void requireMayImport(Actor actor) {
        AccessPolicy.requireAdmin(actor, "import " + what);
    }

    /** How a row is named in reports: a username, a class code, "CODE/username". */
    public abstract String keyOf(T row);

    /** The row as the web app's forms would store it (case, spaces, time precision). */
    abstract T normalised(T row);

    /** What a row must satisfy besides its fields' constraints; throws DomainException naming the field. */
    void checkRules(T row) {
    }

    /**
     * Fills in the outcome of every valid row (the rejected ones are null in {@code valid}), in
     * order, and writes them unless the run is a dry run. A row the actor may not write is rejected.
     */
    abstract void decide(Actor actor, List<T> valid, List<ImportOutcome> outcomes, ImportRun run);

    private Checked<T> check(List<T> rows) {
        Checked<T> checked = new Checked<>(new ArrayList<>(rows.size()), new ArrayList<>(rows.size()));
        for (T input : rows) {
            T row = normalised(input);
            try {
                checkRules(validation.check(row));
                checked.valid().add(row);
                checked.outcomes().add(null);
            } catch (DomainException e) {
                checked.valid().add(null);
                checked.outcomes().add(ImportOutcome.rejected(keyOf(row), e));
            }
        }
        return checked;
    }

    /** One audit event for what the chunk created and updated; none for a dry run. */
    private void recordChunk(Actor actor, ImportRun run, List<ImportOutcome> outcomes) {
        if (!run.dryRun()) {
            audit.recordBulk(actor, action, what, ImportOutcome.keys(outcomes, ImportOutcome.Action.CREATED),
                    ImportOutcome.keys(outcomes, ImportOutcome.Action.UPDATED));
        }
    }

    /**
     * The entry point of the bulk path: rows from any source (migrate's sources, a roster file, a
     * provisioning client), {@code chunkSize} to a transaction, each decided with the web app's
     * rules. A rejected row's outcome gives its reason per field ("email: must be a well-formed
     * email address"). In a dry run ({@code new ImportRun(true)}) every row is decided and nothing
     * is written: that is the preview. The outcomes come in the order of the rows.
     */
    public List<ImportOutcome> importAll(Actor actor, List<T> rows, ImportRun run, int chunkSize) {
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += chunkSize) {
            outcomes.addAll(importChunk(actor, rows.subList(from, Math.min(rows.size(), from + chunkSize)), run));
        }
        return outcomes;
    }

    /**
     * Imports one chunk in one transaction ({@link #apply}, called through this bean so that its
     * transaction applies). Should the database refuse it over a constraint the
     * rules could not foresee (its collation compares differently from Java), the chunk is
     * retried row by row so only the offending row is rejected.
     */
    public List<ImportOutcome> importChunk(Actor actor, List<T> rows, ImportRun run) {
        try {
            List<ImportOutcome> outcomes = apply(actor, rows, run);
            run.commitChunk();
            return outcomes;
        } catch (RuntimeException e) {
            run.discardChunk();
            if (ImportRun.refusal(e) == null) {
                throw e;
            }
        }
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (T row : rows) {
            outcomes.add(importOne(actor, row, run));
        }
        return outcomes;
    }

    private ImportOutcome importOne(Actor actor, T row, ImportRun run) {
        try {
            ImportOutcome outcome = apply(actor, List.of(row), run).get(0);
            run.commitChunk();
            return outcome;
        } catch (RuntimeException e) {
            run.discardChunk();
            SQLException cause = ImportRun.refusal(e);
            if (cause == null) {
                throw e;
            }
            return ImportOutcome.rejected(keyOf(row), "the database refused it: " + cause.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Up to {@code size} rows with a key above {@code afterId}, in key order, as exported. */
    abstract List<KeyedRow<T>> exportPage(long afterId, int size);

    /**
     * Every row of this kind, password hashes included, page by page in key order. Run the exports
     * of all kinds inside one transaction to get one consistent copy.
     *
     * @return how many rows were handed to the sink
     */
    @Transactional
    public long export(Actor actor, int pageSize, Consumer<List<T>> sink) {
        AccessPolicy.requireAdmin(actor, "export " + what);
        return pages(after -> exportPage(after, pageSize), sink);
    }

    /** Hands every page to the sink, each starting after the last key of the one before; returns how many rows. */
    static <R> long pages(LongFunction<List<KeyedRow<R>>> pageAfter, Consumer<List<R>> sink) {
        long after = -1;
        long total = 0;
        while (true) {
            List<KeyedRow<R>> page = pageAfter.apply(after);
            if (page.isEmpty()) {
                return total;
            }
            sink.accept(page.stream().map(KeyedRow::row).toList());
            after = page.get(page.size() - 1).id();
            total += page.size();
        }
    }
}
