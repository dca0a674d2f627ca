package org.rollcall.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an import of a roster did (or, in a preview, would do) with every row of the file. The
 * one-time passwords of the accounts it created are in here only when it wrote them, and only in
 * this report: they are not kept anywhere else in clear.
 */
public record RosterReport(boolean dryRun, String mode, String classCode, Map<String, Integer> counts,
        List<String> unknownColumns, List<Row> rows, List<OneTimePassword> oneTimePasswords, @JsonIgnore List<String> header) {

    public enum Outcome {
        CREATE, UPDATE, UNCHANGED, REJECTED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a row was rejected, named by the column that holds the problem. */
    public record Reason(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /**
     * One row: its line in the file (the header is line 1), the username it has or was given,
     * what happens to it, the fields an update changes, and for a rejected row the reasons.
     */
    public record Row(long line, String username, boolean usernameGenerated, String displayName, List<String> classes,
            Outcome outcome, List<String> changes, List<Reason> reasons, @JsonIgnore List<String> cells) {

        /** The reasons in one line, as the rejected-rows download and the command show them. */
        public String reasonText() {
            return String.join("; ", reasons.stream().map(Reason::toString).toList());
        }
    }

    public record OneTimePassword(String username, String password) {
    }

    static Map<String, Integer> count(List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.id(), 0);
        }
        rows.forEach(r -> counts.merge(r.outcome().id(), 1, Integer::sum));
        return counts;
    }

    public int count(Outcome outcome) {
        return counts.getOrDefault(outcome.id(), 0);
    }

    public List<Row> rejected() {
        return rows.stream().filter(r -> r.outcome() == Outcome.REJECTED).toList();
    }
}
