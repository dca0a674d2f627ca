package org.rollcall.schoolclass;

import java.util.Arrays;
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
}
