package org.rollcall.auth;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The login form, logging in and logging out of the browser session. */
@Path("/")
@PermitAll
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String username, String message, String messageKind);
    }

    @Inject
    LoginService logins;
    @Inject
    Sessions sessions;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("loggedOut") String loggedOut) {
        return Templates.login(LoginRedirect.safeNext(next), null, loggedOut == null ? null : "You have been logged out.", "info");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next,
            HttpServerRequest request, HttpServerResponse response) {
        LoginService.Result result = logins.login(username, password);
        String safeNext = LoginRedirect.safeNext(next);
        return switch (result.outcome()) {
            case SUCCESS -> {
                response.addCookie(sessions.issue(result.account(), request.isSSL()));
                String target = result.account().mustChangePassword() ? "/me/password" : safeNext;
                yield Response.seeOther(URI.create(target)).build();
            }
            case DISABLED -> Response.status(403)
                    .entity(Templates.login(safeNext, username, "This account is disabled. Ask your teacher or an admin to enable it.", "danger"))
                    .build();
            case BAD_CREDENTIALS -> Response.status(401)
                    .entity(Templates.login(safeNext, username, "Wrong username or password.", "danger"))
                    .build();
            case THROTTLED -> Response.status(429).header("Retry-After", result.refusal().retryAfterSeconds())
                    .entity(Templates.login(safeNext, username, result.refusal().message(), "warning"))
                    .build();
        };
    }

    @POST
    @Path("logout")
    public Response logout(HttpServerRequest request, HttpServerResponse response) {
        // a copy of the cookie (another tab, a stolen one) must not outlive the logout
        Cookie cookie = request.getCookie(Sessions.COOKIE);
        if (cookie != null) {
            sessions.read(cookie.getValue()).ifPresent(sessions::end);
        }
        response.addCookie(sessions.clear(request.isSSL()));
        return Response.seeOther(URI.create("/login?loggedOut=1")).build();
    }
}
