package org.rollcall.bulk;

import java.util.List;
import java.util.Set;

import org.rollcall.schoolclass.ClassRole;
import org.rollcall.user.Role;

/**
 * A bulk action checked and resolved: the users it applies to (named or found by a filter, at
 * most {@link BulkService#MAX_USERS}), the class and roles it needs, and the class's members
 * when it has one (to tell "already in the class" from a change).
 */
public record BulkPlan(BulkAction action, List<String> usernames, String classCode, ClassRole classRole, Role role,
        Set<String> classMembers) {
}
