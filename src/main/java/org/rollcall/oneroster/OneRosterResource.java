package org.rollcall.oneroster;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Params;
import org.rollcall.user.Role;

@Path("/api/oneroster")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "OneRoster")
public class OneRosterResource {

    @Inject
    OneRosterExport export;
    @Inject
    OneRosterImport importer;
    @Inject
    CurrentActor actor;

    @GET
    @Path("/export")
    @Produces("application/zip")
    @Operation(summary = "The school as a OneRoster 1.1 CSV bulk zip (admins)", description = "manifest, orgs, academicSessions,"
            + " courses, classes, users and enrollments; sourcedIds derived from usernames, class codes and terms. No password.")
    public Response export() {
        Actor admin = actor.get();
        StreamingOutput zip = out -> export.write(admin, out);
        return Response.ok(zip, "application/zip").header("Content-Disposition", "attachment; filename=\"oneroster.zip\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/import")
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a OneRoster 1.1 CSV zip (admins)", description = "Users, classes and enrollments through the"
            + " bulk engine; dryRun=true previews. Roles student, teacher, administrator; other roles and enrollments of unknown"
            + " users or classes are rejected rows with their reason; tobedeleted disables a user. No manifest: 400.")
    public OneRosterReport importZip(@QueryParam("dryRun") String dryRun, InputStream body) throws IOException {
        return importer.importZip(actor.get(), body, Boolean.TRUE.equals(Params.bool("dryRun", dryRun)));
    }
}
