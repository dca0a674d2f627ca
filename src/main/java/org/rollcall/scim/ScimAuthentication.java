package org.rollcall.scim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rollcall.scim.ProvisioningClients.ClientView;

/**
 * Every /scim/v2 request authenticates as a provisioning client, the way identity providers do:
 * {@code Authorization: Bearer <secret or access token>} (Entra ID, the client-credentials grant)
 * or HTTP Basic with the client's name and secret (Okta). User logins do not work here, and these
 * credentials work nowhere else (auth/RollcallAuthMechanism leaves /scim to this filter).
 */
public class ScimAuthentication {

    @Inject
    ProvisioningClients clients;
    @Inject
    ScimCaller caller;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        if (!ScimErrors.isScim(request.getUriInfo().getPath())) {
            return null;
        }
        Optional<ClientView> client = client(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (client.isEmpty()) {
            Response refusal = ScimErrors.response(401, null,
                    "Authenticate as a provisioning client: Bearer token, or Basic with the client's name and secret.");
            return Response.fromResponse(refusal).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Rollcall SCIM\"").build();
        }
        caller.set(client.get());
        return null;
    }

    private Optional<ClientView> client(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return clients.authenticateBearer(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] nameAndSecret = basic(authorization.substring(6).trim());
            return nameAndSecret == null ? Optional.empty() : clients.authenticate(nameAndSecret[0], nameAndSecret[1]);
        }
        return Optional.empty();
    }

    /** NAME and secret from a Basic header's value; null when malformed. */
    static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
