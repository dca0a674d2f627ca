package org.rollcall.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.Params;
import org.rollcall.user.Role;

@Path("/api/users/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Tag(name = "Users")
public class BulkResource {

    @Inject
    BulkService bulk;
    @Inject
    CurrentActor actor;

    @POST
    @Operation(summary = "One action over many users", description = "action: add-to-class, remove-from-class (classCode,"
            + " classRole), disable, enable, reset-passwords, change-role (role; admins), delete (admins). Users by usernames or"
            + " by filter {q, role, group, enabled}; at most 10,000. Each user is checked on their own: done, unchanged, refused"
            + " (with the reason) or not-found. reset-passwords answers each one-time password in this response only.")
    public Response run(BulkRequest request) {
        BulkResult result = bulk.run(actor.get(), Params.body(request));
        return Response.ok(result).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
