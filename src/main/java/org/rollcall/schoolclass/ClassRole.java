package org.rollcall.schoolclass;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rollcall.common.DomainException;
import org.rollcall.user.Role;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A member's role inside one class. */
public enum ClassRole {
    TEACHER, STUDENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ClassRole parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role in class '" + value + "': use teacher or student"));
    }

    /** Parses a role in class given in a form field or import column; an unknown one is that field's error. */
    public static ClassRole parseField(String field, String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }

    /** The one rule between the two roles, for every path that makes a member: a student account cannot teach. */
    public void requireHeldBy(Role accountRole) {
        if (this == TEACHER && accountRole == Role.STUDENT) {
            throw DomainException.invalid("role", "a student cannot teach a class");
        }
    }

    /**
     * The same rule from the account's side, for every path that changes an account's role: an
     * account that teaches classes (their codes in {@code taughtCodes}) cannot become a student.
     * Refused rather than changing the memberships behind the editor's back.
     */
    public static void requireMayBecome(Role accountRole, List<String> taughtCodes) {
        if (accountRole == Role.STUDENT && !taughtCodes.isEmpty()) {
            boolean one = taughtCodes.size() == 1;
            String codes = one ? taughtCodes.get(0)
                    : String.join(", ", taughtCodes.subList(0, taughtCodes.size() - 1)) + " and " + taughtCodes.get(taughtCodes.size() - 1);
            throw DomainException.invalid("role", "cannot be student while they teach " + codes
                    + ": remove them as teacher there first, or make them a student in " + (one ? "that class" : "those classes"));
        }
    }
}
