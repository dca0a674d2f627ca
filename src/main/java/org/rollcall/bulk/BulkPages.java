package org.rollcall.bulk;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.rollcall.auth.Actor;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.PageRequest;
import org.rollcall.roster.LoginCard;
import org.rollcall.roster.LoginCards;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.ClassSummary;
import org.rollcall.user.Role;
import org.rollcall.web.FieldErrors;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Bulk actions in the browser: the users ticked on the users list or a class page are confirmed
 * here (deleting by typing their number), then the action runs in the background while its page
 * shows how far it has got, and ends with each refused user's reason.
 */
@Path("/bulk")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces(MediaType.TEXT_HTML)
public class BulkPages {

    static final int PREVIEW = 12;
    private static final String CLASS_PAGE = "/classes/";

    /** The confirmation page: the action, how many users and the first few, and what the action needs. */
    public record Confirm(BulkAction action, BulkSelection selection, long count, List<String> preview, String classCode,
            String classRole, String newRole, List<BulkAction> actions, List<ClassSummary> classes) {

        public long more() {
            return count - preview.size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(Confirm confirm, FieldErrors errors);

        static native TemplateInstance job(BulkJobs.Job job);

        static native TemplateInstance job$progress(BulkJobs.Job job);

        static native TemplateInstance passwords(String back);
    }

    @Inject
    LoginCards loginCards;
    @Inject
    BulkService bulk;
    @Inject
    BulkJobs jobs;
    @Inject
    ClassService classes;
    @Inject
    CurrentActor actor;

    @GET
    public Response confirm(@RestQuery String action, @RestQuery String scope, @RestQuery List<String> usernames,
            @RestQuery List<String> pageUsernames, @RestQuery String q, @RestQuery String role, @RestQuery String group,
            @RestQuery String enabled, @RestQuery String back, @RestQuery String classCode) {
        BulkSelection selection = new BulkSelection(scope, usernames, pageUsernames, q, role, group, enabled, back);
        try {
            return Response.ok(Templates.confirm(confirmation(action, selection, classCode, null, null), FieldErrors.NONE)).build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Flash.redirect(selection.back(), Flash.Kind.DANGER, String.join(" ", FieldErrors.of(e).summary()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String action, @RestForm String scope, @RestForm List<String> usernames,
            @RestForm List<String> pageUsernames, @RestForm String q, @RestForm String role, @RestForm String group,
            @RestForm String enabled, @RestForm String back, @RestForm String classCode, @RestForm String classRole,
            @RestForm String newRole, @RestForm String confirmCount) {
        Actor me = actor.get();
        BulkSelection selection = new BulkSelection(scope, usernames, pageUsernames, q, role, group, enabled, back);
        Confirm confirm = confirmation(action, selection, classCode, classRole, newRole);
        try {
            BulkPlan plan = bulk.plan(me, selection.request(action, classCode, classRole, newRole));
            if (plan.action() == BulkAction.DELETE && !Integer.toString(plan.usernames().size()).equals(confirmCount == null ? "" : confirmCount.strip())) {
                throw DomainException.invalid("confirmCount", "type " + plan.usernames().size() + ", the number of users to delete");
            }
            BulkJobs.Job job = jobs.start(me, plan, selection.back());
            return Response.seeOther(URI.create("/bulk/jobs/" + job.id())).build();
        } catch (DomainException e) {
            if (!FieldErrors.formCanShow(e)) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.confirm(confirm, FieldErrors.of(e))).build();
        }
    }

    @GET
    @Path("jobs/{id}")
    public Response job(@PathParam("id") String id, @RestHeader("HX-Request") String htmx) {
        BulkJobs.Job job = jobs.find(actor.get(), id).orElseThrow(() -> DomainException.notFound("No such bulk action (they are kept for an hour)."));
        TemplateInstance page = htmx != null ? Templates.job$progress(job) : Templates.job(job);
        return Response.ok(page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The one-time passwords of a finished reset, shown once: on this page, never in a redirect, a cookie or a cache. */
    @GET
    @Path("jobs/{id}/passwords")
    public Response passwords(@PathParam("id") String id) {
        Actor me = actor.get();
        BulkJobs.Job job = jobs.find(me, id).orElseThrow(() -> DomainException.notFound("No such bulk action (they are kept for an hour)."));
        return showPasswords(me, jobs.takePasswords(me, id), job.back());
    }

    /** The reset passwords become printable login cards (their page is the owner's alone, for a while); asked again, a refusal. */
    private Response showPasswords(Actor owner, List<BulkOutcome> reset, String back) {
        if (reset.isEmpty()) {
            return Response.ok(Templates.passwords(back)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        String classCode = back.startsWith(CLASS_PAGE) ? back.substring(CLASS_PAGE.length()).split("[?#/]", 2)[0] : "";
        List<LoginCard> cards = reset.stream().filter(o -> o.oneTimePassword() != null)
                .map(o -> new LoginCard(o.displayName(), o.username(), o.oneTimePassword(), classCode)).toList();
        return Response.seeOther(URI.create("/roster/cards/" + loginCards.keep(owner, cards))).build();
    }

    private Confirm confirmation(String action, BulkSelection selection, String classCode, String classRole, String newRole) {
        Actor me = actor.get();
        BulkAction chosen = action == null || action.isBlank() ? null : BulkAction.parse(action);
        if (chosen == null) {
            throw DomainException.invalid("action", "Choose what to do with the selected users.");
        }
        chosen.requireAllowed(me);
        List<String> found = bulk.select(me, selection.request(chosen.id(), classCode, classRole, newRole));
        List<ClassSummary> classOptions = chosen.needsClass()
                ? classes.search(me, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items() : List.of();
        return new Confirm(chosen, selection, found.size(), found.subList(0, Math.min(PREVIEW, found.size())),
                classCode == null ? "" : ClassService.normaliseCode(classCode), classRole, newRole, BulkAction.offeredTo(me), classOptions);
    }
}
