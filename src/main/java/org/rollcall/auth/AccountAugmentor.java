package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Identities made by Security JPA from a password know the username and role only. This adds the
 * account and refuses disabled ones, so every way of logging in obeys the same account state.
 */
@ApplicationScoped
public class AccountAugmentor implements SecurityIdentityAugmentor {

    @Inject
    AccountCache accounts;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || Account.of(identity) != null) {
            return Uni.createFrom().item(identity);
        }
        return accounts.identity(identity.getPrincipal().getName(), context);
    }
}
