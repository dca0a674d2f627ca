package org.rollcall.scim;

import java.util.List;

/** A list or search request's parameters (query string of GET, or the body of POST /.search). */
record ListQuery(String filter, String sortBy, boolean descending, int startIndex, int count, List<String> attributes,
        List<String> excludedAttributes) {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    static ListQuery of(String filter, String sortBy, String sortOrder, String startIndex, String count, String attributes,
            String excludedAttributes) {
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            if (sortOrder.equalsIgnoreCase("descending")) {
                descending = true;
            } else if (!sortOrder.equalsIgnoreCase("ascending")) {
                throw ScimException.invalidValue("sortOrder must be ascending or descending.");
            }
        }
        // RFC 7644 section 3.4.2.4: a startIndex below 1 is 1, a negative count is 0
        int start = Math.max(1, number(startIndex, 1, "startIndex"));
        int size = Math.min(MAX_COUNT, Math.max(0, number(count, DEFAULT_COUNT, "count")));
        return new ListQuery(blankToNull(filter), blankToNull(sortBy), descending, start, size, ScimProjection.list(attributes),
                ScimProjection.list(excludedAttributes));
    }

    private static int number(String value, int absent, String name) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be a whole number.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
