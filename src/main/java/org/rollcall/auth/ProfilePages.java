package org.rollcall.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.rollcall.access.AccessPolicy;
import org.rollcall.common.DomainException;
import org.rollcall.common.Params;
import org.rollcall.user.OwnProfile;
import org.rollcall.user.UserDetail;
import org.rollcall.user.UserService;
import org.rollcall.user.UserView;
import org.rollcall.web.FieldErrors;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Every role's own pages: my profile (name and email, classes, API tokens), change my password
 * (also the forced change after a reset).
 */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** The token lifetimes the page offers, in days; the API takes any future {@code expiresAt}. */
    static final List<Integer> TOKEN_DAYS = List.of(7, 30, 90, 365);

    /** What the profile page shows: the two forms keep what was typed when one of them is shown again with errors. */
    public record Profile(UserView me, List<UserDetail.ClassMembership> classes, boolean editable, OwnProfile fields,
            FieldErrors errors, List<ApiTokenService.TokenView> tokens, String tokenName, FieldErrors tokenErrors) {

        public List<Integer> tokenDays() {
            return TOKEN_DAYS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Profile profile);

        static native TemplateInstance password(boolean forced, FieldErrors errors);

        static native TemplateInstance tokenCreated(ApiTokenService.CreatedToken token);

        static native TemplateInstance confirmRevoke(ApiTokenService.TokenView token);
    }

    @Inject
    UserService users;
    @Inject
    CurrentActor actor;
    @Inject
    Sessions sessions;
    @Inject
    Revocations revocations;
    @Inject
    ApiTokenService tokens;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance profile() {
        UserView self = self();
        return page(self, new OwnProfile(self.displayName(), self.email()), FieldErrors.NONE, "", FieldErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateProfile(@RestForm String displayName, @RestForm String email) {
        OwnProfile typed = new OwnProfile(displayName, email);
        try {
            users.updateOwnProfile(actor.get(), typed);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(self(), typed, FieldErrors.of(e), "", FieldErrors.NONE)).build();
        }
        return Flash.redirect("/me", "Your profile has been saved.");
    }

    /** The new token is shown in this response only: never in a URL, cookie or flash, and not cached. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name, @RestForm String expiresInDays) {
        ApiTokenService.CreatedToken created;
        try {
            Integer days = Params.integer("expiresInDays", expiresInDays);
            if (days != null && !TOKEN_DAYS.contains(days)) {
                throw DomainException.invalid("expiresInDays", "must be one of the choices offered");
            }
            Instant expiresAt = days == null ? null : clock.instant().plus(Duration.ofDays(days));
            created = tokens.create(actor.get(), new ApiTokenService.TokenForm(name, expiresAt));
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            UserView self = self();
            return Response.status(400).entity(page(self, new OwnProfile(self.displayName(), self.email()), FieldErrors.NONE,
                    name, FieldErrors.of(e))).build();
        }
        return Response.ok(Templates.tokenCreated(created)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("tokens/{id}/revoke")
    public TemplateInstance confirmRevoke(@PathParam("id") String id) {
        long tokenId = tokenId(id);
        return Templates.confirmRevoke(tokens.find(actor.get(), tokenId).orElseThrow(() -> ApiTokenService.noSuchToken(tokenId)));
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") String id) {
        long tokenId = tokenId(id);
        ApiTokenService.TokenView token = tokens.find(actor.get(), tokenId).orElseThrow(() -> ApiTokenService.noSuchToken(tokenId));
        tokens.revoke(actor.get(), tokenId);
        return Flash.redirect("/me", "Revoked the token '" + token.name() + "': it no longer works.");
    }

    private static long tokenId(String id) {
        Integer tokenId = Params.integer("id", id);
        return tokenId == null ? -1 : tokenId;
    }

    private UserView self() {
        return users.findSelf(actor.get()).orElseThrow(() -> DomainException.notFound("Your account no longer exists."));
    }

    private TemplateInstance page(UserView self, OwnProfile fields, FieldErrors errors, String tokenName, FieldErrors tokenErrors) {
        Actor me = actor.get();
        return Templates.profile(new Profile(self, users.classesOf(me), policy.canEditOwnProfile(me), fields, errors,
                tokens.list(me), tokenName, tokenErrors));
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(forced(), FieldErrors.NONE);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword, HttpServerRequest request, HttpServerResponse response) {
        boolean forced = forced();
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            return Response.status(400).entity(Templates.password(forced,
                    FieldErrors.of("confirmPassword", "does not match the new password"))).build();
        }
        try {
            users.changeOwnPassword(actor.get(), currentPassword, newPassword);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(Templates.password(forced, FieldErrors.of(e))).build();
        }
        // the change ended every session of the account; this browser goes on with a new one
        sessions.renew(actor.session(), request.isSSL()).ifPresent(response::addCookie);
        return Flash.redirect(forced ? "/" : "/me", "Your password has been changed.");
    }

    @POST
    @Path("sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere(HttpServerRequest request, HttpServerResponse response) {
        Actor me = actor.get();
        revocations.endAllSessions(me, me.username());
        response.addCookie(sessions.clear(request.isSSL()));
        return Response.seeOther(URI.create("/login?loggedOut=1")).build();
    }

    private boolean forced() {
        Account account = actor.account();
        return account != null && account.mustChangePassword();
    }
}
