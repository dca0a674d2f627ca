package org.rollcall.common;


/** Query parameters arrive as text so a bad value gets a 400 naming the parameter, not a 404. */
public final class Params {

    private Params() {
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "must be a whole number");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid(name, "must be true or false");
        };
    }
}
