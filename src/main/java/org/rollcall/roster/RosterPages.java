package org.rollcall.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Text;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Importing a roster in the browser: upload, preview, apply, then the result with the login cards
 * and the rejected rows to download; and the class page's "Add a new student", a roster of one.
 */
@Path("/roster")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces(MediaType.TEXT_HTML)
public class RosterPages {

    /** What the upload form shows: the class it imports into (or null), the mode, and why the last upload was refused. */
    public record UploadForm(String classCode, String mode, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(UploadForm form);

        static native TemplateInstance review(String id, RosterUploads.Upload upload, List<RosterReport.Row> shown);
    }

    @Inject
    RosterImport rosters;
    @Inject
    RosterUploads uploads;
    @Inject
    LoginCards cards;
    @Inject
    ClassService classes;
    @Inject
    CurrentActor actor;

    @GET
    @Path("import")
    public TemplateInstance uploadForm(@QueryParam("class") String classCode) {
        return Templates.upload(new UploadForm(managedClass(actor.get(), classCode), "add-update", null));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm FileUpload file, @RestForm String mode, @RestForm("class") String classCode) {
        Actor me = actor.get();
        String code = managedClass(me, classCode);
        UploadForm form = new UploadForm(code, mode == null ? "add-update" : mode, null);
        try {
            byte[] bytes = read(file);
            RosterOptions options = new RosterOptions(RosterOptions.Mode.parse(mode), code, true);
            RosterReport preview = rosters.run(me, bytes, options);
            String id = uploads.keep(me, new RosterUploads.Upload(file.fileName(), bytes, options, preview, null));
            return Response.seeOther(java.net.URI.create("/roster/import/" + id)).build();
        } catch (DomainException e) {
            if (e.status() == 403) {
                throw e;
            }
            String reason = e.fieldErrors().isEmpty() ? e.getMessage() : String.join(" ", e.fieldErrors().stream()
                    .map(f -> f.field() + " " + f.message() + ".").toList());
            return Response.status(e.status()).entity(Templates.upload(new UploadForm(form.classCode(), form.mode(), reason))).build();
        }
    }

    @GET
    @Path("import/{id}")
    public Response review(@PathParam("id") String id) {
        RosterUploads.Upload upload = find(actor.get(), id);
        List<RosterReport.Row> shown = upload.report().rows().stream().filter(r -> !upload.applied() || r.outcome() == RosterReport.Outcome.REJECTED)
                .toList();
        return Response.ok(Templates.review(id, upload, shown)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("import/{id}/apply")
    public Response apply(@PathParam("id") String id) {
        Actor me = actor.get();
        RosterUploads.Upload upload = find(me, id);
        if (upload.applied()) {
            return Response.seeOther(java.net.URI.create("/roster/import/" + id)).build();
        }
        RosterOptions options = new RosterOptions(upload.options().mode(), upload.options().classCode(), false);
        RosterReport result = rosters.run(me, upload.file(), options);
        String cardsId = result.oneTimePasswords().isEmpty() ? null : cards.keep(me, cardsOf(result));
        uploads.replace(me, id, new RosterUploads.Upload(upload.fileName(), null, options, result, cardsId));
        return Response.seeOther(java.net.URI.create("/roster/import/" + id)).build();
    }

    @GET
    @Path("import/{id}/rejected.csv")
    @Produces("text/csv")
    public Response rejected(@PathParam("id") String id) {
        RosterUploads.Upload upload = find(actor.get(), id);
        return Response.ok(RejectedRows.csv(upload.report()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rejected-rows.csv\"").build();
    }

    @POST
    @Path("classes/{code}/students")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStudent(@PathParam("code") String code, @RestForm String displayName, @RestForm String username,
            @RestForm String email) {
        Actor me = actor.get();
        String back = "/classes/" + ClassService.normaliseCode(code);
        RosterReport report = rosters.addStudent(me, code, displayName, username, email);
        RosterReport.Row row = report.rows().get(0);
        if (row.outcome() != RosterReport.Outcome.CREATE) {
            return Flash.redirect(back, Flash.Kind.DANGER, "Could not add the student: " + row.reasonText() + ".");
        }
        String id = cards.keep(me, cardsOf(report));
        return Flash.redirect("/roster/cards/" + id, "Created " + row.username() + " and added them to " + report.classCode() + ".");
    }

    /** The login cards of the accounts an import created with a one-time password. */
    static List<LoginCard> cardsOf(RosterReport report) {
        return report.oneTimePasswords().stream().map(p -> {
            RosterReport.Row row = report.rows().stream().filter(r -> p.username().equals(r.username())).findFirst().orElseThrow();
            return new LoginCard(row.displayName(), p.username(), p.password(), String.join(", ", row.classes()));
        }).toList();
    }

    /** The class code, when given: one the actor manages (a teacher: teaches); refused otherwise. */
    private String managedClass(Actor me, String code) {
        if (Text.emptyToNull(Text.trim(code)) == null) {
            AccessPolicy.requireStaff(me, "users");
            return null;
        }
        return classes.find(me, code).orElseThrow(() -> AccessPolicy.noSuchClass(me, code)).code();
    }

    private RosterUploads.Upload find(Actor me, String id) {
        return uploads.find(me, id).orElseThrow(() -> DomainException.notFound("This import is no longer here: an upload is kept"
                + " for 15 minutes. Upload the file again."));
    }

    private static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.invalid("file", "choose a CSV file to upload");
        }
        try {
            if (Files.size(file.uploadedFile()) > RosterFile.MAX_BYTES) {
                return new byte[RosterFile.MAX_BYTES + 1];
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
