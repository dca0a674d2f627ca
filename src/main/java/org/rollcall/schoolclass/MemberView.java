package org.rollcall.schoolclass;

import java.time.Instant;

import org.rollcall.user.Role;

/** One member of a class as listed on the class. */
public record MemberView(String username, String displayName, Role userRole, ClassRole role, boolean enabled, Instant since) {

    /** JPQL constructor expression: roles arrive as the stored strings. */
    public MemberView(String username, String displayName, String userRole, String role, boolean enabled, Instant since) {
        this(username, displayName, Role.parse(userRole), ClassRole.parse(role), enabled, since);
    }
}
