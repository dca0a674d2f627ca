package org.rollcall.backup;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page for backups: list with status, take one, delete one, download one. */
@Path("/admin/backups")
@RolesAllowed(Role.ADMIN_NAME)
public class BackupsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<BackupView> backups, boolean anyRunning, String directory,
                String error, String name, String description, boolean incremental);

        static native TemplateInstance list$backups(List<BackupView> backups, boolean anyRunning);
    }

    @Inject
    BackupService backups;
    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestHeader("HX-Request") String htmx) {
        if (htmx != null) {
            // htmx polls the list every few seconds while a backup runs; the answer without one stops it.
            List<BackupView> all = backups.list(actor.get());
            return Templates.list$backups(all, anyRunning(all));
        }
        return page(null, null, null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String name, @RestForm String description, @RestForm String incremental) {
        boolean isIncremental = incremental != null;
        try {
            BackupView started = backups.start(actor.get(), new BackupRequest(name, description, isIncremental, null));
            return Flash.redirect("/admin/backups#backup-" + started.id(), Flash.Kind.INFO,
                    "Backup " + started.id() + " started. Its status below follows by itself.");
        } catch (DomainException e) {
            String error = e.getMessage() + e.fieldErrors().stream().map(f -> " " + fieldLabel(f.field()) + " " + f.message() + ".")
                    .reduce("", String::concat);
            return Response.status(e.status()).entity(page(error, name, description, isIncremental)).build();
        }
    }

    @POST
    @Path("/{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") String id) {
        try {
            backups.delete(actor.get(), id);
            return Flash.redirect("/admin/backups", "Backup " + id + " deleted.");
        } catch (DomainException e) {
            return Response.status(e.status()).entity(page(e.getMessage(), null, null, false)).build();
        }
    }

    private TemplateInstance page(String error, String name, String description, boolean incremental) {
        List<BackupView> all = backups.list(actor.get());
        return Templates.list(all, anyRunning(all), backups.directory().toString(), error, name, description, incremental);
    }

    private static boolean anyRunning(List<BackupView> all) {
        return all.stream().anyMatch(BackupView::running);
    }

    private static String fieldLabel(String field) {
        return switch (field) {
            case "name" -> "Name";
            case "description" -> "Description";
            default -> field;
        };
    }
}
