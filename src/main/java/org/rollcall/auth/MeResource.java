package org.rollcall.auth;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.common.DomainException;
import org.rollcall.common.Params;
import org.rollcall.user.OwnProfile;
import org.rollcall.user.UserDetail;
import org.rollcall.user.UserService;
import org.rollcall.user.UserView;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The logged-in user's own profile, classes, password and API tokens. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me")
public class MeResource {

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Inject
    UserService users;
    @Inject
    ApiTokenService tokens;
    @Inject
    CurrentActor actor;
    @Inject
    Sessions sessions;
    @Inject
    Revocations revocations;

    @GET
    @Operation(summary = "My profile")
    public UserView me() {
        return users.findSelf(actor.get()).orElseThrow(() -> DomainException.notFound("Your account no longer exists."));
    }

    @PUT
    @Operation(summary = "Change my name and email", description = "Body {displayName, email?}; the same rules as for any user."
            + " 403 when an admin switched this off for my role (ROLLCALL_SELF_EDIT_LOCKED_ROLES).")
    public UserView updateMe(OwnProfile profile) {
        return users.updateOwnProfile(actor.get(), Params.body(profile));
    }

    @GET
    @Path("/groups")
    @Operation(summary = "My classes")
    public List<UserDetail.ClassMembership> groups() {
        return users.classesOf(actor.get());
    }

    @PUT
    @Path("/password")
    @Operation(summary = "Change my password", description = "Also clears a pending must-change-password.")
    public Response changePassword(PasswordChange change, HttpServerRequest request, HttpServerResponse response) {
        Params.body(change);
        users.changeOwnPassword(actor.get(), change.currentPassword(), change.newPassword());
        // the change ended every session of the account; a browser calling this goes on with a new one
        sessions.renew(actor.session(), request.isSSL()).ifPresent(response::addCookie);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/sessions")
    @Operation(summary = "Sign out everywhere", description = "Ends every browser session of this account, on every instance."
            + " API tokens are not sessions: revoke them one by one.")
    public Response endSessions(HttpServerRequest request, HttpServerResponse response) {
        Actor me = actor.get();
        revocations.endAllSessions(me, me.username());
        response.addCookie(sessions.clear(request.isSSL()));
        return Response.noContent().build();
    }

    @GET
    @Path("/tokens")
    @Operation(summary = "My API tokens (never the token itself)")
    public List<ApiTokenService.TokenView> tokens() {
        return tokens.list(actor.get());
    }

    @POST
    @Path("/tokens")
    @Operation(summary = "Create an API token", description = "The token is in this response only; store it now.")
    public Response createToken(ApiTokenService.TokenForm form) {
        var created = tokens.create(actor.get(), Params.body(form));
        return Response.created(URI.create("/api/me/tokens/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/tokens/{id}")
    @Operation(summary = "Revoke an API token")
    public Response revokeToken(@PathParam("id") String id) {
        Integer tokenId = Params.integer("id", id);
        tokens.revoke(actor.get(), tokenId == null ? -1 : tokenId);
        return Response.noContent().build();
    }
}
