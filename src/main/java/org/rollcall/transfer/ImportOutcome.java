package org.rollcall.transfer;

import java.util.List;

import org.rollcall.common.DomainException;

/**
 * What an import did with one record: the record's key (a username, a class code, ...), the
 * action taken (or, in a dry run, that would be taken) and, when rejected, why.
 */
public record ImportOutcome(String key, Action action, String reason) {

    public enum Action { CREATED, UPDATED, UNCHANGED, REJECTED }

    public static ImportOutcome created(String key) {
        return new ImportOutcome(key, Action.CREATED, null);
    }

    public static ImportOutcome updated(String key) {
        return new ImportOutcome(key, Action.UPDATED, null);
    }

    public static ImportOutcome unchanged(String key) {
        return new ImportOutcome(key, Action.UNCHANGED, null);
    }

    public static ImportOutcome rejected(String key, String reason) {
        return new ImportOutcome(key, Action.REJECTED, reason);
    }

    /** The reason a business rule gave: field errors as "field: message; ...", otherwise the detail. */
    public static ImportOutcome rejected(String key, DomainException e) {
        if (e.fieldErrors().isEmpty()) {
            return rejected(key, e.getMessage());
        }
        // sorted: a validator reports a field's violations in no particular order, and a report should read the same every run
        return rejected(key, String.join("; ", e.fieldErrors().stream().map(f -> f.field() + ": " + f.message()).sorted().toList()));
    }

    /** The keys of the rows that got this action, in order. */
    public static List<String> keys(List<ImportOutcome> outcomes, Action action) {
        return outcomes.stream().filter(o -> o.action() == action).map(ImportOutcome::key).toList();
    }
}
