package org.rollcall.bulk;

import java.util.List;

/**
 * A bulk action as the API takes it: the users either named ({@code usernames}) or found by the
 * filters of {@code GET /api/users} ({@code filter}), and what the action needs: {@code classCode}
 * and {@code classRole} (add to / remove from class), {@code role} (change role).
 */
public record BulkRequest(String action, List<String> usernames, Filter filter, String classCode, String classRole, String role) {

    /** The filters of the users list; {@code enabled} is "true", "false" or empty. */
    public record Filter(String q, String role, String group, String enabled) {
    }
}
