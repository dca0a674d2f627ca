package org.rollcall.backup;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.user.Role;
import org.rollcall.web.idempotency.Idempotent;

/** Backups for admins. Restoring is a shell command (restore ID): it needs an empty database. */
@Path("/api/backups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Backups")
public class BackupResource {

    @Inject
    BackupService backups;
    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "List backups, newest first")
    public List<BackupView> list() {
        return backups.list(actor.get());
    }

    @POST
    @Operation(summary = "Start a backup", description = "Returns 202 at once with the backup as NEW; poll it until COMPLETED"
            + " or FAILED. Set incremental (optionally parentId) for an incremental backup. 409 while another backup runs.")
    @Idempotent
    public Response create(BackupRequest request) {
        BackupView started = backups.start(actor.get(), request);
        return Response.accepted(started).location(URI.create("/api/backups/" + started.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One backup with its status and counts per table")
    public BackupView get(@PathParam("id") String id) {
        return backups.find(actor.get(), id).orElseThrow(() -> DomainException.notFound("No backup '" + id + "'."));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a backup", description = "409 when an incremental backup depends on it or it is still running.")
    public Response delete(@PathParam("id") String id) {
        backups.delete(actor.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/download")
    @Produces("application/zip")
    @Operation(summary = "Download a completed backup as a zip", description = "Unzip it into another backup directory to"
            + " restore it there. It holds password hashes: keep it as safe as the database.")
    public Response download(@PathParam("id") String id) {
        Actor admin = actor.get();
        Manifest m = backups.completed(admin, id);
        StreamingOutput body = out -> backups.download(admin, m.id(), out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"rollcall-backup-" + m.id() + ".zip\"").build();
    }
}
