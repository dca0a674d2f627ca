package org.rollcall.common;


/** Query parameters arrive as text so a bad value gets a 400 naming the parameter, not a 404. */
public final class Params {

    private Params() {
    }

    /** A request body that must be present: an empty POST or PUT gets a 400 naming it. */
    public static <T> T body(T body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        return body;
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
