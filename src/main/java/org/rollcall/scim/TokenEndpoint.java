package org.rollcall.scim;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.rollcall.scim.ProvisioningClients.ClientView;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) at {@code POST /scim/v2/token}: a
 * provisioning client authenticates with its name and secret (HTTP Basic, or {@code client_id} and
 * {@code client_secret} in the form) and receives a bearer token for /scim/v2 that lasts an hour.
 * A plain route rather than a resource: an OAuth client posts a form without the CSRF token pages
 * carry, and this endpoint sets no cookie and reads none.
 */
@ApplicationScoped
public class TokenEndpoint {

    public static final String PATH = "/scim/v2/token";

    @Inject
    ProvisioningClients clients;

    void register(@Observes Router router) {
        router.post(PATH).order(-10).handler(BodyHandler.create().setBodyLimit(8192)).blockingHandler(this::token);
    }

    private void token(RoutingContext context) {
        MultiMap form = context.request().formAttributes();
        String grant = first(form.get("grant_type"), context.request().getParam("grant_type"));
        String name = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = ScimAuthentication.basic(authorization.substring(6).trim());
            if (basic != null) {
                name = decode(basic[0]);
                secret = decode(basic[1]);
            }
        }
        if (!"client_credentials".equals(grant)) {
            error(context, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
            return;
        }
        Optional<ClientView> client = clients.authenticate(name, secret);
        if (client.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"Rollcall SCIM\"");
            error(context, 401, "invalid_client", "Unknown or revoked provisioning client, or a wrong secret.");
            return;
        }
        ProvisioningClients.IssuedToken token = clients.issueToken(client.get());
        ObjectNode body = ScimJson.object();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresInSeconds());
        send(context, 200, body);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** RFC 6749 section 2.3.1: Basic credentials are form-encoded before being joined. */
    private static String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static void error(RoutingContext context, int status, String code, String description) {
        ObjectNode body = ScimJson.object();
        body.put("error", code);
        body.put("error_description", description);
        send(context, status, body);
    }

    private static void send(RoutingContext context, int status, ObjectNode body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(ScimJson.write(body));
    }
}
