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

    /** "1 user", "1,050 users", "2 classes": a count with its noun in the right number. */
    public static String count(long n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return java.text.NumberFormat.getIntegerInstance(Locale.US).format(n) + " " + (n == 1 ? noun : plural);
    }
}
