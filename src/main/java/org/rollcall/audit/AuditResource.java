package org.rollcall.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.user.Role;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditLog audit;
    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Search the audit log (admin)", description = "Newest first. Filters: actor (who), action"
            + " (e.g. user.create, or a family: user, group, membership, login), targetType, target (prefix: CSA/ finds"
            + " a class's memberships), address, from and to (ISO date or instant, UTC; to is exclusive).")
    public Page<AuditView> search(@QueryParam("actor") String who, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("target") String target,
            @QueryParam("address") String address, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.search(actor.get(), AuditQuery.of(who, action, targetType, target, address, from, to),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }
}
