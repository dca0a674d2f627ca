package org.rollcall.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.rollcall.common.Text;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

/** An admin ends every session of a user ("Sign out everywhere" on the user's page). */
@Path("/admin/users/{username}/sessions")
@RolesAllowed(Role.ADMIN_NAME)
public class SessionAdminPage {

    @Inject
    Revocations revocations;
    @Inject
    CurrentActor actor;

    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endAll(@PathParam("username") String username) {
        String name = Text.lower(username);
        revocations.endAllSessions(actor.get(), name);
        return Flash.redirect("/users/" + name, "Every session of " + name + " has ended.");
    }
}
