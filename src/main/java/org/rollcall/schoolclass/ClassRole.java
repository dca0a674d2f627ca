package org.rollcall.schoolclass;

import java.util.Arrays;
import java.util.Locale;

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
}
