package org.rollcall.auth;

import org.rollcall.user.Role;

/** Who is asking: the logged-in user, or the system itself when a command runs from a shell. */
public record Actor(long id, String username, Role role) {

    /** Commands run by an operator at the database's console act with admin rights. */
    public static final Actor SYSTEM = new Actor(0L, "system", Role.ADMIN);

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isTeacher() {
        return role == Role.TEACHER;
    }
}
