package org.rollcall.auth;

import org.rollcall.user.Role;
import org.rollcall.user.User;

/** What a request needs to know about its user; cached so a request costs no password hash and no query. */
public record Account(long id, String username, Role role, boolean enabled, boolean mustChangePassword) {

    static Account of(User user) {
        return new Account(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), user.isMustChangePassword());
    }

    public Actor actor() {
        return new Actor(id, username, role);
    }
}
