package org.rollcall.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.audit.RequestOrigin;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * One way in for every client: a session cookie (browsers, and the API from the same browser),
 * a personal token ({@code Authorization: Bearer rc_...}) or HTTP Basic for scripts. Unauthenticated
 * API calls are challenged with 401; pages send the visitor to the login page and back.
 */
@ApplicationScoped
public class RollcallAuthMechanism implements HttpAuthenticationMechanism {

    /** Routing-context key of the refusal when a Basic login is throttled. */
    static final String THROTTLED = "rollcall.login-throttled";

    @Inject
    Sessions sessions;
    @Inject
    LoginAttempts attempts;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        AuthenticationRequest request = requestFrom(context);
        if (request == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        if (request instanceof UsernamePasswordAuthenticationRequest basic) {
            return attempts.guard(basic.getUsername(), RequestOrigin.of(context.request()),
                    () -> identityProviderManager.authenticate(request))
                    .onFailure().invoke(e -> {
                        LoginThrottle.Refusal refusal = LoginAttempts.refusalOf(e);
                        if (refusal != null) {
                            context.put(THROTTLED, refusal);
                        }
                    });
        }
        return identityProviderManager.authenticate(request);
    }

    private AuthenticationRequest requestFrom(RoutingContext context) {
        if (isScim(context.normalizedPath())) {
            return null;   // provisioning clients authenticate there (scim/ScimAuthentication); no user login works under /scim
        }
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new TokenAuthenticationRequest(new TokenCredential(authorization.substring(7).trim(), "bearer"));
            }
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basic(authorization.substring(6).trim());
            }
        }
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie == null) {
            return null;
        }
        return sessions.read(cookie.getValue()).map(session -> {
            var request = new TrustedAuthenticationRequest(session.username());
            request.setAttribute(Session.ATTRIBUTE, session);
            return request;
        }).orElse(null);
    }

    private static AuthenticationRequest basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new UsernamePasswordAuthenticationRequest("", new PasswordCredential(new char[0]));
        }
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        return new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        LoginThrottle.Refusal refusal = context.get(THROTTLED);
        if (refusal != null) {
            // the body saying why is written by LoginThrottledResponse
            return Uni.createFrom().item(new ChallengeData(429, "Retry-After", String.valueOf(refusal.retryAfterSeconds())));
        }
        return Uni.createFrom().item(challenge(context.normalizedPath(), context.request().uri()));
    }

    private static boolean isScim(String path) {
        return path.equals("/scim") || path.startsWith("/scim/");
    }

    static ChallengeData challenge(String path, String uri) {
        if (LoginRedirect.isApi(path) || path.startsWith("/q/")) {
            return new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Rollcall\", charset=\"UTF-8\"");
        }
        return new ChallengeData(302, "Location", LoginRedirect.loginUrl(uri));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class,
                TrustedAuthenticationRequest.class);
    }
}
