package org.rollcall.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Params;
import org.rollcall.user.Role;

/** The roster import of the API: a CSV file in, a report of every row out. */
@Path("/api/users/import")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Tag(name = "Users")
public class RosterResource {

    @Inject
    RosterImport rosters;
    @Inject
    CurrentActor actor;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import users from a CSV roster", description = "The body is the file (Content-Type: text/csv): UTF-8,"
            + " comma, semicolon or tab separated, a header line naming the columns (username, name or first name + last name,"
            + " email, role, password, classes, cohort1.., course1..). mode: add, update or add-update (default); class: a class"
            + " code every row joins; dryRun=true previews and writes nothing. Teachers import students into classes they teach;"
            + " other rows are rejected with a reason. The report lists every row; the one-time passwords of the accounts created"
            + " without a password are in this response only.")
    @RequestBody(content = @Content(mediaType = "text/csv"))
    public Response importUsers(byte[] file, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") String mode, @QueryParam("class") String classCode, @QueryParam("dryRun") String dryRun) {
        if (!RosterFile.isCsvType(contentType)) {
            throw new RosterFile.Refused(415, "Unsupported Media Type", "Send the roster as the body with Content-Type: text/csv.");
        }
        Boolean preview = Params.bool("dryRun", dryRun);
        RosterReport report = rosters.run(actor.get(), file == null ? new byte[0] : file,
                new RosterOptions(RosterOptions.Mode.parse(mode), classCode, Boolean.TRUE.equals(preview)));
        // the one-time passwords must not stay in any cache
        return Response.ok(report).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
