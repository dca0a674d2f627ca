package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * A valid session cookie names an account; this turns it into an identity from the account cache,
 * refusing it when the account is gone, is another account of the same name, or ended its sessions.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountCache accounts;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /**
     * Must run before Security JPA's trusted provider, which reads the user on a worker thread for
     * every request and has the default priority (SYSTEM_FIRST + 1): an equal priority leaves the
     * order to chance.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        Session session = request.getAttribute(Session.ATTRIBUTE);
        if (session == null) {
            throw new AuthenticationFailedException(); // only the session cookie makes these
        }
        return accounts.identity(session, context);
    }
}
