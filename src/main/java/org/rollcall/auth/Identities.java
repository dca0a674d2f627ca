package org.rollcall.auth;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds and reads the security identity of a Rollcall account. */
public final class Identities {

    static final String ACCOUNT = "rollcall.account";
    static final String DISABLED = "rollcall.disabled";

    private Identities() {
    }

    static SecurityIdentity of(Account account) {
        if (!account.enabled()) {
            throw disabled(account.username());
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRole(account.role().id())
                .addAttribute(ACCOUNT, account)
                .build();
    }

    /** The password was right but the account is switched off. */
    static AuthenticationFailedException disabled(String username) {
        return new AuthenticationFailedException("Account '" + username + "' is disabled", Map.of(DISABLED, true));
    }

    static boolean isDisabled(AuthenticationFailedException e) {
        return Boolean.TRUE.equals(e.getAttribute(DISABLED));
    }

    public static Account account(SecurityIdentity identity) {
        return identity.getAttribute(ACCOUNT);
    }
}
