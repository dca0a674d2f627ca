package org.rollcall.user;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.roster.RosterCsv;
import org.rollcall.web.idempotency.Idempotent;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Tag(name = "Users")
public class UserResource {

    /** Body of a password reset: omit the password to have one generated. */
    public record ResetRequest(String password) {
    }

    @Inject
    UserService users;
    @Inject
    CurrentActor actor;
    @Inject
    RosterCsv rosterCsv;

    @GET
    @Operation(summary = "Search users", description = "Prefix search on username, name and email; filter by role,"
            + " class code and enabled; sort by username, name, email, role, created or lastLogin (prefix - for descending).")
    public Page<UserView> search(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("group") String group,
            @QueryParam("enabled") String enabled, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return users.search(actor.get(), UserQuery.of(q, role, group, Params.bool("enabled", enabled), sort),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "Download the users found as CSV", description = "Every user the filters and sort find (not one page),"
            + " in the roster import's columns: username, name, email, role, classes (codes separated by ;). No password.")
    public Response searchCsv(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("group") String group,
            @QueryParam("enabled") String enabled, @QueryParam("sort") String sort) {
        return RosterCsv.download(rosterCsv.users(actor.get(), UserQuery.of(q, role, group, Params.bool("enabled", enabled), sort)), "users.csv");
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user with their classes")
    public UserDetail get(@PathParam("username") String username) {
        return users.find(actor.get(), username).orElseThrow(() -> DomainException.notFound("No user '" + username + "'."));
    }

    @POST
    @Operation(summary = "Create a user", description = "Teachers create students only. Password optional.")
    @Idempotent
    public Response create(UserForm form) {
        UserView created = users.create(actor.get(), Params.body(form));
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Update a user", description = "Send the version you read; a stale version gets 409.")
    public UserView update(@PathParam("username") String username, UserUpdate update) {
        return users.update(actor.get(), username, Params.body(update));
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable an account: the user can no longer log in")
    public UserView disable(@PathParam("username") String username) {
        return users.setEnabled(actor.get(), username, false);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Enable an account")
    public UserView enable(@PathParam("username") String username) {
        return users.setEnabled(actor.get(), username, true);
    }

    @POST
    @Path("/{username}/password-reset")
    @Operation(summary = "Reset a password", description = "Returns the one-time password once; the user must change it at next login.")
    public PasswordReset resetPassword(@PathParam("username") String username, ResetRequest request) {
        return users.resetPassword(actor.get(), username, request == null ? null : request.password());
    }

    @DELETE
    @Path("/{username}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a user (admin)")
    public Response delete(@PathParam("username") String username) {
        users.delete(actor.get(), username);
        return Response.noContent().build();
    }
}
