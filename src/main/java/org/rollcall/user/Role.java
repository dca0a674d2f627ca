package org.rollcall.user;

import java.util.Arrays;
import java.util.Locale;

import org.rollcall.common.DomainException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A person's role in the school; also the security role name. */
public enum Role {
    ADMIN, TEACHER, STUDENT;

    public static final String ADMIN_NAME = "admin";
    public static final String TEACHER_NAME = "teacher";
    public static final String STUDENT_NAME = "student";

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + value + "': use admin, teacher or student"));
    }

    /** Parses a role given in a form field or import column; an unknown one is that field's error. */
    public static Role parseField(String field, String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }
}
