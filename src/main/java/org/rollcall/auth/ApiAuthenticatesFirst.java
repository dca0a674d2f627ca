package org.rollcall.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every API call needs a login (DESIGN.md's matrix has no anonymous cell under /api), and that is
 * answered first: before matching a method, so an anonymous caller gets 401 rather than 406 for
 * an Accept header the endpoint cannot meet, or 404 for an address it may not know about.
 */
public class ApiAuthenticatesFirst {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(preMatching = true)
    public void authenticateFirst(ContainerRequestContext request) {
        if (identity.isAnonymous() && LoginRedirect.isApi(request.getUriInfo().getPath())) {
            throw new UnauthorizedException();
        }
    }
}
