package org.rollcall.auth;

import java.util.Map;

import org.rollcall.user.Role;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * What a request needs to know about its user; cached so a request costs no password hash and no
 * query. {@code sessionGeneration} goes up whenever the account's sessions must end (password,
 * role, disabled, deleted, "sign out everywhere"): a session cookie carries the generation it was
 * issued under and is refused once it differs.
 */
public record Account(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
        int sessionGeneration) {

    private static final String ATTRIBUTE = "rollcall.account";
    private static final String DISABLED = "rollcall.disabled";

    public Actor actor() {
        return new Actor(id, username, role);
    }

    /** The security identity of this account; refused when it is switched off. */
    SecurityIdentity identity() {
        return identity(null);
    }

    /** As {@link #identity()}, remembering the browser session it came from (null for Basic or a token). */
    SecurityIdentity identity(Session session) {
        if (!enabled) {
            throw disabled(username);
        }
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(role.id())
                .addAttribute(ATTRIBUTE, this);
        if (session != null) {
            builder.addAttribute(Session.ATTRIBUTE, session);
        }
        return builder.build();
    }

    /** The account behind an identity; null for anonymous ones. */
    public static Account of(SecurityIdentity identity) {
        return identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }

    /** The password was right but the account is switched off. */
    static AuthenticationFailedException disabled(String username) {
        return new AuthenticationFailedException("Account '" + username + "' is disabled", Map.of(DISABLED, true));
    }

    static boolean isDisabled(AuthenticationFailedException e) {
        return Boolean.TRUE.equals(e.getAttribute(DISABLED));
    }
}
