package org.rollcall.user;

import java.util.Arrays;
import java.util.Locale;

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
}
