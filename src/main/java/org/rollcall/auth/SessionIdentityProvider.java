package org.rollcall.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/** A valid session cookie names a user; this turns it into an identity from the account cache. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountCache accounts;

    public SessionIdentityProvider(AccountCache accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<Account> cached = accounts.ifCached(request.getPrincipal());
        if (cached != null) {
            return cached.map(account -> Uni.createFrom().item(() -> Identities.of(account)))
                    .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
        }
        return context.runBlocking(() -> accounts.find(request.getPrincipal())
                .map(Identities::of)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
