package org.rollcall.transfer;

import java.util.List;

import org.rollcall.auth.Actor;

/**
 * Decides and (unless the run is a dry run) writes one chunk of rows of one kind, in one
 * transaction, with the web app's rules. Rows are decided in order and each gets an outcome.
 */
public interface Importer<T> {

    /** How a row is named in reports: a username, a class code, "CODE/username". */
    String keyOf(T row);

    List<ImportOutcome> apply(Actor actor, List<T> rows, ImportRun run);
}
