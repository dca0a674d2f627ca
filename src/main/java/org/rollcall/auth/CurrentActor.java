package org.rollcall.auth;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The actor behind the current request, for resources to hand to the services. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor get() {
        Account account = identity.isAnonymous() ? null : Identities.account(identity);
        if (account == null) {
            throw new UnauthorizedException();
        }
        return account.actor();
    }

    public Account account() {
        return identity.isAnonymous() ? null : Identities.account(identity);
    }
}
