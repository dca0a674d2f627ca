package org.rollcall.user;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.jboss.resteasy.reactive.RestHeader;
import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.common.Text;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.ClassSummary;
import org.rollcall.web.FieldErrors;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The users pages: list and search, detail, create and edit, disable, reset password, delete. */
@Path("/users")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    /** What the create/edit form shows: never a password. */
    public record Fields(String username, String displayName, String email, String role, boolean mustChangePassword,
            long version) {

        static Fields blank() {
            return new Fields("", "", "", Role.STUDENT.id(), true, 0);
        }

        static Fields of(UserView u) {
            return new Fields(u.username(), u.displayName(), u.email() == null ? "" : u.email(), u.role().id(),
                    u.mustChangePassword(), u.version());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UserList list);

        static native TemplateInstance list$results(UserList list);

        static native TemplateInstance detail(UserDetail detail, boolean manageable, boolean disableable, boolean deletable,
                Set<String> classLinks);

        /** {@code current}: what is stored now, when someone else saved the user while this form was open; else null. */
        static native TemplateInstance form(Fields fields, FieldErrors errors, List<Role> roles, boolean editing, UserView current);

        static native TemplateInstance passwordReset(PasswordReset reset);

        static native TemplateInstance confirmDelete(UserView user);
    }

    @Inject
    UserService users;
    @Inject
    ClassService classes;
    @Inject
    CurrentActor actor;

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("group") String group,
            @QueryParam("enabled") String enabled, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("size") String size, @RestHeader("HX-Request") String htmx,
            @RestHeader("HX-History-Restore-Request") String historyRestore) {
        Actor me = actor.get();
        Integer number = Params.integer("page", page);
        Integer perPage = Params.integer("size", size);
        int pageSize = perPage == null ? UserList.DEFAULT_SIZE : perPage;
        UserQuery query = UserQuery.of(q, role, group, Params.bool("enabled", enabled), sort);
        var found = users.search(me, query, PageRequest.of(number == null || number < 1 ? 0 : number - 1, pageSize));
        boolean fragment = htmx != null && historyRestore == null;
        // The class filter's options are needed only when the whole page is drawn, not for each keystroke.
        List<ClassSummary> classOptions = fragment ? List.of()
                : classes.search(me, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        UserList list = new UserList(query.q(), query.role() == null ? null : query.role().id(), query.group(),
                Text.emptyToNull(enabled), Text.emptyToNull(sort), pageSize, found, classOptions);
        return fragment ? Templates.list$results(list) : Templates.list(list);
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return Templates.form(Fields.blank(), FieldErrors.NONE, rolesFor(actor.get()), false, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String role, @RestForm String password, @RestForm String mustChangePassword) {
        Actor me = actor.get();
        boolean mustChange = mustChangePassword != null;
        Fields fields = new Fields(Text.trim(username), displayName, email, role, mustChange, 0);
        try {
            UserView created = users.create(me, new UserForm(username, displayName, email, parseRole(role),
                    password, mustChange));
            String note = created.passwordSet() ? "" : " They have no password yet: use Reset password to give them one.";
            return Flash.redirect("/users/" + created.username(), "Created " + created.username() + "." + note);
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.form(fields, FieldErrors.of(e), rolesFor(me), false, null)).build();
        }
    }

    @GET
    @Path("{username}")
    public TemplateInstance detail(@PathParam("username") String username) {
        Actor me = actor.get();
        UserDetail detail = find(me, username);
        Set<String> classLinks = me.isAdmin()
                ? detail.groups().stream().map(UserDetail.ClassMembership::code).collect(Collectors.toSet())
                : users.classesOf(me).stream().filter(c -> c.role() == ClassRole.TEACHER)
                        .map(UserDetail.ClassMembership::code).collect(Collectors.toSet());
        UserView user = detail.user();
        return Templates.detail(detail, mayManage(me, user), AccessPolicy.canDisable(me, user.username(), user.role()),
                AccessPolicy.canDelete(me, user.username()), classLinks);
    }

    @GET
    @Path("{username}/edit")
    public TemplateInstance editForm(@PathParam("username") String username) {
        Actor me = actor.get();
        UserView user = find(me, username).user();
        requireManageable(me, user);
        return Templates.form(Fields.of(user), FieldErrors.NONE, rolesFor(me), true, null);
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("username") String username, @RestForm String displayName, @RestForm String email,
            @RestForm String role, @RestForm String version) {
        Actor me = actor.get();
        Integer parsedVersion = Params.integer("version", version);
        Fields fields = new Fields(username, displayName, email, role, false, parsedVersion == null ? 0 : parsedVersion);
        try {
            UserView updated = users.update(me, username, new UserUpdate(displayName, email, parseRole(role), null,
                    parsedVersion == null ? null : parsedVersion.longValue()));
            return Flash.redirect("/users/" + updated.username(), "Saved " + updated.username() + ".");
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            UserView current = e.status() == 409 ? find(me, username).user() : null;
            if (current != null && current.version() != fields.version()) {
                // Keep what they typed, show what is stored now, and take the new version so that saving again works.
                Fields theirs = new Fields(current.username(), displayName, email, role, false, current.version());
                return Response.status(409).entity(Templates.form(theirs, FieldErrors.NONE, rolesFor(me), true, current)).build();
            }
            return Response.status(e.status()).entity(Templates.form(fields, FieldErrors.of(e), rolesFor(me), true, null)).build();
        }
    }

    @POST
    @Path("{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return setEnabled(username, false);
    }

    @POST
    @Path("{username}/enable")
    public Response enable(@PathParam("username") String username) {
        return setEnabled(username, true);
    }

    /** Shows the one-time password in this response only: not in a redirect, a cookie or a cache. */
    @POST
    @Path("{username}/password-reset")
    public Response resetPassword(@PathParam("username") String username) {
        PasswordReset reset = users.resetPassword(actor.get(), username, null);
        return Response.ok(Templates.passwordReset(reset)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{username}/delete")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance confirmDelete(@PathParam("username") String username) {
        return Templates.confirmDelete(find(actor.get(), username).user());
    }

    @POST
    @Path("{username}/delete")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response delete(@PathParam("username") String username) {
        try {
            users.delete(actor.get(), username);
        } catch (DomainException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Flash.redirect("/users/" + username, Flash.Kind.DANGER, e.getMessage());
        }
        return Flash.redirect("/users", "Deleted " + Text.lower(username) + ".");
    }

    private Response setEnabled(String username, boolean enabled) {
        try {
            UserView user = users.setEnabled(actor.get(), username, enabled);
            String text = enabled ? "Enabled " + user.username() + ": they can log in again."
                    : "Disabled " + user.username() + ": they can no longer log in.";
            return Flash.redirect("/users/" + user.username(), text);
        } catch (DomainException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Flash.redirect("/users/" + username, Flash.Kind.DANGER, e.getMessage());
        }
    }

    private UserDetail find(Actor me, String username) {
        return users.find(me, username).orElseThrow(() -> DomainException.notFound("No user '" + username + "'."));
    }

    /** The page offers only what the policy allows: teachers manage students. */
    static boolean mayManage(Actor me, UserView user) {
        return AccessPolicy.canManage(me, user.role());
    }

    private static void requireManageable(Actor me, UserView user) {
        AccessPolicy.requireManage(me, user.role());
    }

    static List<Role> rolesFor(Actor me) {
        return AccessPolicy.assignableRoles(me);
    }

    /** An unknown role becomes none, so validation reports it together with the other fields. */
    private static Role parseRole(String role) {
        try {
            return role == null || role.isBlank() ? null : Role.parse(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
