package org.rollcall.user;

import java.util.Locale;
import java.util.Map;

import org.rollcall.common.DomainException;

import io.quarkus.panache.common.Sort;

/** Filters and order for the user list; built from request parameters, checked on the way in. */
public record UserQuery(String q, Role role, String group, Boolean enabled, Sort sort) {

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "username", "name", "displayName", "email", "email",
            "role", "roleName", "created", "createdAt", "lastlogin", "lastLoginAt");

    public static UserQuery of(String q, String role, String group, Boolean enabled, String sort) {
        return new UserQuery(blankToNull(q), parseRole(role), group == null || group.isBlank() ? null : group.trim().toUpperCase(Locale.ROOT),
                enabled, parseSort(sort));
    }

    public static UserQuery all() {
        return new UserQuery(null, null, null, null, UserSearch.defaultSort());
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", e.getMessage());
        }
    }

    static Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return UserSearch.defaultSort();
        }
        String key = sort.trim().toLowerCase(Locale.ROOT);
        boolean descending = key.startsWith("-");
        String field = SORTABLE.get(descending ? key.substring(1) : key);
        if (field == null) {
            throw DomainException.invalid("sort", "must be one of " + String.join(", ", SORTABLE.keySet()) + ", optionally prefixed with -");
        }
        Sort order = descending ? Sort.descending(field) : Sort.ascending(field);
        return field.equals("username") ? order : order.and("username");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
