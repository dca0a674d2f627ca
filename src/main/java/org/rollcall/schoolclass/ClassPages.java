package org.rollcall.schoolclass;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.common.Text;
import org.rollcall.user.Role;
import org.rollcall.user.UserService;
import org.rollcall.web.FieldErrors;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The classes pages: list, detail with members (add by search, remove, change role), create, edit, delete. */
@Path("/classes")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces(MediaType.TEXT_HTML)
public class ClassPages {

    static final int PAGE_SIZE = 20;
    static final int CANDIDATES = 10;

    /** What the class form shows. */
    public record Fields(String code, String name, String term, String period, String description, long version, String kasmGroupId) {

        static Fields blank() {
            return new Fields("", "", "", "", "", 0, "");
        }

        static Fields of(ClassView g) {
            return new Fields(g.code(), g.name(), g.term(), g.period() == null ? "" : g.period(),
                    g.description() == null ? "" : g.description(), g.version(), g.kasmGroupId() == null ? "" : g.kasmGroupId());
        }
    }

    /** The list of classes with the search that produced it. */
    public record ClassList(String q, Page<ClassSummary> found) {

        public int pageNumber() {
            return found.page() + 1;
        }

        public boolean hasPrevious() {
            return found.page() > 0;
        }

        public boolean hasNext() {
            return pageNumber() < found.pages();
        }

        public String previousUrl() {
            return url(pageNumber() - 1);
        }

        public String nextUrl() {
            return url(pageNumber() + 1);
        }

        private String url(int page) {
            String search = q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
            return "/classes?" + search + "page=" + page;
        }
    }

    /** What an admin confirms before a class is left without a teacher: the warning and the form that goes ahead. */
    public record LastTeacher(String warning, String action, String role, String button) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ClassList list);

        static native TemplateInstance detail(ClassView schoolClass, Candidates candidates);

        static native TemplateInstance detail$candidates(ClassView schoolClass, Candidates candidates);

        /** {@code currentCode}: the code of the class being edited, or null for a new class. */
        static native TemplateInstance form(Fields fields, FieldErrors errors, String currentCode);

        static native TemplateInstance confirmDelete(ClassView schoolClass);

        static native TemplateInstance confirmLastTeacher(ClassView schoolClass, LastTeacher question);
    }

    @Inject
    ClassService classes;
    @Inject
    UserService users;
    @Inject
    CurrentActor actor;

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") String page) {
        Integer number = Params.integer("page", page);
        String search = Text.emptyToNull(Text.trim(q));
        var found = classes.search(actor.get(), search, null, PageRequest.of(number == null || number < 1 ? 0 : number - 1, PAGE_SIZE));
        return Templates.list(new ClassList(search, found));
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        actor.get();
        return Templates.form(Fields.blank(), FieldErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String code, @RestForm String name, @RestForm String term, @RestForm String period,
            @RestForm String description, @RestForm String kasmGroupId) {
        try {
            ClassView created = classes.create(actor.get(), new ClassForm(code, name, term, period, description, null, kasmGroupId));
            return Flash.redirect("/classes/" + created.code(), "Created class " + created.code() + ".");
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            Fields fields = new Fields(code, name, term, period, description, 0, kasmGroupId == null ? "" : kasmGroupId);
            return Response.status(e.status()).entity(Templates.form(fields, FieldErrors.of(e), null)).build();
        }
    }

    @GET
    @Path("{code}")
    public TemplateInstance detail(@PathParam("code") String code, @QueryParam("find") String find,
            @RestHeader("HX-Request") String htmx, @RestHeader("HX-History-Restore-Request") String historyRestore) {
        Actor me = actor.get();
        ClassView schoolClass = find(me, code);
        Candidates candidates = Candidates.find(users, me, schoolClass, Text.emptyToNull(Text.trim(find)));
        boolean fragment = htmx != null && historyRestore == null;
        return fragment ? Templates.detail$candidates(schoolClass, candidates) : Templates.detail(schoolClass, candidates);
    }

    @GET
    @Path("{code}/edit")
    public TemplateInstance editForm(@PathParam("code") String code) {
        ClassView schoolClass = find(actor.get(), code);
        return Templates.form(Fields.of(schoolClass), FieldErrors.NONE, schoolClass.code());
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("code") String code, @RestForm("code") String newCode, @RestForm String name,
            @RestForm String term, @RestForm String period, @RestForm String description, @RestForm String version,
            @RestForm String kasmGroupId) {
        Integer parsedVersion = Params.integer("version", version);
        try {
            ClassView updated = classes.update(actor.get(), code, new ClassForm(newCode, name, term, period, description,
                    parsedVersion == null ? null : parsedVersion.longValue(), kasmGroupId));
            return Flash.redirect("/classes/" + updated.code(), "Saved class " + updated.code() + ".");
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            // The form posts back to the class's current code, whatever was typed into the code field.
            Fields fields = new Fields(newCode, name, term, period, description, parsedVersion == null ? 0 : parsedVersion,
                    kasmGroupId == null ? "" : kasmGroupId);
            return Response.status(e.status())
                    .entity(Templates.form(fields, FieldErrors.of(e), ClassService.normaliseCode(code))).build();
        }
    }

    @GET
    @Path("{code}/delete")
    public TemplateInstance confirmDelete(@PathParam("code") String code) {
        return Templates.confirmDelete(find(actor.get(), code));
    }

    @POST
    @Path("{code}/delete")
    public Response delete(@PathParam("code") String code) {
        classes.delete(actor.get(), code);
        return Flash.redirect("/classes", "Deleted class " + ClassService.normaliseCode(code) + ". Its members' accounts are kept.");
    }

    @POST
    @Path("{code}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("code") String code, @RestForm String username, @RestForm String role,
            @RestForm String find) {
        String back = "/classes/" + ClassService.normaliseCode(code);
        String backToSearch = find == null || find.isBlank() ? back : back + "?find=" + URLEncoder.encode(find, StandardCharsets.UTF_8);
        try {
            MemberView added = classes.addMember(actor.get(), code, new MemberForm(username, parseRole(role)));
            return Flash.redirect(backToSearch, "Added " + added.username() + " to " + ClassService.normaliseCode(code)
                    + " as " + added.role().id() + ".");
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            return Flash.redirect(backToSearch, Flash.Kind.DANGER, "Could not add " + username + ": " + String.join(" ", FieldErrors.of(e).summary()));
        }
    }

    @POST
    @Path("{code}/members/{username}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("code") String code, @PathParam("username") String username, @RestForm String role,
            @RestForm String confirm) {
        Actor me = actor.get();
        String back = "/classes/" + ClassService.normaliseCode(code);
        try {
            MemberView changed = classes.changeMemberRole(me, code, username, parseRole(role), "yes".equals(confirm));
            // the actor may have stopped teaching it: then the class page would be a 403 under the message
            return classes.canManage(me, code)
                    ? Flash.redirect(back, changed.username() + " is now " + changed.role().id() + " in this class.")
                    : Flash.redirect("/classes", changed.username() + " is now " + changed.role().id() + " in "
                            + ClassService.normaliseCode(code) + ".");
        } catch (ClassService.LastTeacher e) {
            return lastTeacher(me, code, e, "Could not change " + username + ". ",
                    new LastTeacher(e.getMessage(), back + "/members/" + Text.lower(username) + "/role", "student",
                            "Make " + Text.lower(username) + " a student"));
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            return Flash.redirect(back, Flash.Kind.DANGER, "Could not change " + username + ": " + String.join(" ", FieldErrors.of(e).summary()));
        }
    }

    @POST
    @Path("{code}/members/{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("code") String code, @PathParam("username") String username, @RestForm String confirm) {
        Actor me = actor.get();
        String back = "/classes/" + ClassService.normaliseCode(code);
        try {
            classes.removeMember(me, code, username, "yes".equals(confirm));
        } catch (ClassService.LastTeacher e) {
            return lastTeacher(me, code, e, "Could not remove " + username + ". ",
                    new LastTeacher(e.getMessage(), back + "/members/" + Text.lower(username) + "/remove", null,
                            "Remove " + Text.lower(username)));
        }
        // a teacher who removed themselves no longer manages the class: its page would be a 403 under the message
        return classes.canManage(me, code)
                ? Flash.redirect(back, "Removed " + Text.lower(username) + " from the class.")
                : Flash.redirect("/classes", "Removed " + Text.lower(username) + " from " + ClassService.normaliseCode(code) + ".");
    }

    /** An admin is asked to confirm leaving the class without a teacher; a teacher is told why not, on the class page. */
    private Response lastTeacher(Actor me, String code, ClassService.LastTeacher refusal, String refused, LastTeacher question) {
        if (refusal.confirmable()) {
            return Response.ok(Templates.confirmLastTeacher(find(me, code), question)).build();
        }
        return Flash.redirect("/classes/" + ClassService.normaliseCode(code), Flash.Kind.DANGER, refused + refusal.getMessage());
    }

    private ClassView find(Actor me, String code) {
        return classes.find(me, code).orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    private static ClassRole parseRole(String role) {
        try {
            return role == null || role.isBlank() ? ClassRole.STUDENT : ClassRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", e.getMessage());
        }
    }
}
