package org.rollcall.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log for admins: filter by who, what, target, address and time. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditPage {

    /** The filters as typed, to show them again in the form and carry them into page links. */
    public record Filters(String actor, String action, String target, String address, String from, String to) {

        public String query(int page) {
            StringBuilder q = new StringBuilder("?page=").append(page);
            append(q, "actor", actor);
            append(q, "action", action);
            append(q, "target", target);
            append(q, "address", address);
            append(q, "from", from);
            append(q, "to", to);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** Page links keeping the filters; null where there is no such page. */
    public record Nav(int number, int pages, String newer, String older) {

        static Nav of(Page<?> events, Filters filters) {
            return new Nav(events.page() + 1, events.pages(), events.page() > 0 ? filters.query(events.page() - 1) : null,
                    events.page() + 1 < events.pages() ? filters.query(events.page() + 1) : null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Page<AuditView> events, Nav nav, Filters filters, List<String> actions, String error);
    }

    @Inject
    AuditLog audit;
    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("actor") String who, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("address") String address,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        Filters filters = new Filters(who, action, target, address, from, to);
        try {
            PageRequest request = PageRequest.of(Params.integer("page", page), 50);
            Page<AuditView> events = audit.search(actor.get(), AuditQuery.of(who, action, null, target, address, from, to), request);
            return Templates.audit(events, Nav.of(events, filters), filters, AuditLog.actions(), null);
        } catch (org.rollcall.common.DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            String error = e.fieldErrors().stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(e.getMessage());
            Page<AuditView> none = new Page<>(List.of(), 0, 0, 50);
            return Templates.audit(none, Nav.of(none, filters), filters, AuditLog.actions(), error);
        }
    }
}
