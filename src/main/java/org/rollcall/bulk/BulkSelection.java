package org.rollcall.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rollcall.common.Text;

/**
 * What a person ticked on the users list or a class page and carries through the confirmation:
 * the ticked users, every user on the page, or every user the filter finds ({@code scope}
 * selected, page or filter), and the page to go back to.
 */
public record BulkSelection(String scope, List<String> usernames, List<String> pageUsernames, String q, String role, String group,
        String enabled, String back) {

    public BulkSelection {
        usernames = usernames == null ? List.of() : usernames;
        pageUsernames = pageUsernames == null ? List.of() : pageUsernames;
        scope = scope == null || scope.isBlank() ? "selected" : scope;
        // only back to a page of this app: never an address someone put in a link
        back = back != null && (back.equals("/users") || back.startsWith("/users?") || back.startsWith("/classes/")) ? back : "/users";
    }

    public boolean byFilter() {
        return scope.equals("filter");
    }

    /** The selection as the API takes it, with what the action needs. */
    BulkRequest request(String action, String classCode, String classRole, String newRole) {
        return byFilter()
                ? new BulkRequest(action, null, new BulkRequest.Filter(q, role, group, enabled), classCode, classRole, newRole)
                : new BulkRequest(action, scope.equals("page") ? pageUsernames : usernames, null, classCode, classRole, newRole);
    }

    /** The filters as hidden fields of the confirmation form. */
    public Map<String, String> filterFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("q", q);
        fields.put("role", role);
        fields.put("group", group);
        fields.put("enabled", enabled);
        fields.values().removeIf(v -> Text.emptyToNull(v) == null);
        return fields;
    }

    /** The users named, when the selection names them (not by filter). */
    public List<String> named() {
        return byFilter() ? List.of() : scope.equals("page") ? pageUsernames : usernames;
    }
}
