package org.rollcall.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Params;
import org.rollcall.user.Role;
import org.rollcall.user.UserQuery;

/** The users list's "Download CSV" button: a link cannot ask for text/csv, so the download has an address of its own. */
@Path("/users.csv")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces("text/csv")
public class RosterDownloads {

    @Inject
    RosterCsv csv;
    @Inject
    CurrentActor actor;

    @GET
    public Response users(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("group") String group,
            @QueryParam("enabled") String enabled, @QueryParam("sort") String sort) {
        return RosterCsv.download(csv.users(actor.get(), UserQuery.of(q, role, group, Params.bool("enabled", enabled), sort)), "users.csv");
    }
}
