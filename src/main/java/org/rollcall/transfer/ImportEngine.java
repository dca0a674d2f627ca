package org.rollcall.transfer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

/**
 * The entry point of the bulk path: rows of one kind, from any source (migrate's sources, a roster
 * file, a provisioning client), decided with the web app's rules and written in chunks. Each row
 * gets an outcome, a rejected one with its reason per field ("email: must be a well-formed email
 * address"). In a dry run ({@code new ImportRun(true)}) every row is decided and nothing is
 * written: that is the preview.
 */
@ApplicationScoped
public class ImportEngine {

    private final ClassImport classes;
    private final UserImport users;
    private final MembershipImport memberships;

    public ImportEngine(ClassImport classes, UserImport users, MembershipImport memberships) {
        this.classes = classes;
        this.users = users;
        this.memberships = memberships;
    }

    public Importer<ClassRow> classes() {
        return classes;
    }

    public Importer<UserRow> users() {
        return users;
    }

    public Importer<MembershipRow> memberships() {
        return memberships;
    }

    /** Imports all rows, {@code chunkSize} to a transaction; the outcomes come in the order of the rows. */
    public <T> List<ImportOutcome> run(Importer<T> importer, Actor actor, List<T> rows, ImportRun run, int chunkSize) {
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += chunkSize) {
            outcomes.addAll(chunk(importer, actor, rows.subList(from, Math.min(rows.size(), from + chunkSize)), run));
        }
        return outcomes;
    }

    /**
     * Imports one chunk in one transaction. Should the database refuse it over a constraint the
     * rules could not foresee (its collation compares differently from Java), the chunk is
     * retried row by row so only the offending row is rejected.
     */
    public <T> List<ImportOutcome> chunk(Importer<T> importer, Actor actor, List<T> rows, ImportRun run) {
        try {
            List<ImportOutcome> outcomes = importer.apply(actor, rows, run);
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
            outcomes.add(one(importer, actor, row, run));
        }
        return outcomes;
    }

    private <T> ImportOutcome one(Importer<T> importer, Actor actor, T row, ImportRun run) {
        try {
            ImportOutcome outcome = importer.apply(actor, List.of(row), run).get(0);
            run.commitChunk();
            return outcome;
        } catch (RuntimeException e) {
            run.discardChunk();
            SQLException cause = ImportRun.refusal(e);
            if (cause == null) {
                throw e;
            }
            return ImportOutcome.rejected(importer.keyOf(row), "the database refused it: " + cause.getMessage().lines().findFirst().orElse(""));
        }
    }
}
