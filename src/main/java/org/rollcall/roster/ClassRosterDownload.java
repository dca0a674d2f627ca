package org.rollcall.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.rollcall.auth.CurrentActor;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.user.Role;

/** A class page's "Download CSV" button (see {@link RosterDownloads}). */
@Path("/classes/{code}/roster.csv")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces("text/csv")
public class ClassRosterDownload {

    @Inject
    RosterCsv csv;
    @Inject
    CurrentActor actor;

    @GET
    public Response roster(@PathParam("code") String code) {
        return RosterCsv.download(csv.roster(actor.get(), code), ClassService.normaliseCode(code) + ".csv");
    }
}
