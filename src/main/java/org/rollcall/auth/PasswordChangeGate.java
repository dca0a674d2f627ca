package org.rollcall.auth;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rollcall.common.Problem;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * After a password reset the user must choose a new password before doing anything else: pages
 * redirect to the change-password page, API calls get 403 naming the way out.
 */
public class PasswordChangeGate {

    private static final Set<String> ALLOWED = Set.of("/api/me", "/api/me/password", "/me/password", "/logout", "/login");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Optional<Response> gate(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Account account = Account.of(identity);
        String path = request.getUriInfo().getPath();
        if (account == null || !account.mustChangePassword() || ALLOWED.contains(path)) {
            return Optional.empty();
        }
        if (LoginRedirect.isApi(path)) {
            return Optional.of(Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(403, "Password change required",
                            "The password you have is for one login only. Choose a new one first: PUT /api/me/password.", path, List.of()))
                    .build());
        }
        return Optional.of(Response.seeOther(URI.create("/me/password")).build());
    }
}
