package org.rollcall.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rollcall.common.Text;
import org.rollcall.roster.RosterColumns.Field;
import org.rollcall.roster.RosterReport.Outcome;
import org.rollcall.roster.RosterReport.Reason;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.user.User;

/** One row of a roster on its way through an import: what the file says, what the checks found, what happened. */
final class Draft {

    final RosterFile.Line line;
    final String givenUsername;
    final String name;
    final String email;
    final String role;
    final String password;
    final Set<String> classes = new LinkedHashSet<>();
    final List<Reason> reasons = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    String username;
    boolean generated;
    User existing;
    Outcome outcome;
    String oneTimePassword;
    /** The file gives a password the account does not have yet. */
    boolean passwordChanges;

    Draft(RosterFile.Line line, RosterColumns columns, String fixedClass) {
        this.line = line;
        List<String> cells = line.cells();
        this.givenUsername = Text.lower(columns.get(cells, Field.USERNAME));
        String first = columns.get(cells, Field.FIRST_NAME);
        String last = columns.get(cells, Field.LAST_NAME);
        String full = columns.get(cells, Field.NAME);
        this.name = full != null ? full : first == null && last == null ? null : String.join(" ", nonNull(first, last));
        this.email = Text.lower(columns.get(cells, Field.EMAIL));
        this.role = Text.lower(columns.get(cells, Field.ROLE));
        this.password = columns.get(cells, Field.PASSWORD);
        columns.classes(cells).forEach(code -> classes.add(ClassService.normaliseCode(code)));
        if (fixedClass != null) {
            classes.add(fixedClass);
        }
        this.username = givenUsername;
    }

    private static List<String> nonNull(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return present;
    }

    void reject(String field, String message) {
        reasons.add(new Reason(field, message));
    }

    boolean rejected() {
        return !reasons.isEmpty();
    }

    /** The role the account has after the import: the file's, else the stored one, else student. */
    String roleAfter() {
        return role != null ? role : existing != null ? existing.getRoleName() : "student";
    }

    RosterReport.Row row() {
        Outcome shown = rejected() ? Outcome.REJECTED : outcome;
        return new RosterReport.Row(line.number(), username, generated, name != null ? name : existing == null ? null
                : existing.getDisplayName(), List.copyOf(classes), shown, shown == Outcome.UPDATE ? List.copyOf(changes) : List.of(),
                List.copyOf(reasons), line.cells());
    }
}
