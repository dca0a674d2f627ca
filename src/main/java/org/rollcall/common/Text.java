package org.rollcall.common;

import java.util.Locale;

/** Normalisation shared by every way a user record comes in. */
public final class Text {

    private Text() {
    }

    public static String trim(String value) {
        return value == null ? null : value.strip();
    }

    public static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    public static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
