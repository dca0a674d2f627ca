package org.rollcall.kasm;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.rollcall.auth.CurrentActor;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page "Kasm": is Kasm reachable, what waits in the outbox, what failed and why, "Retry now". */
@Path("/admin/kasm")
@RolesAllowed(Role.ADMIN_NAME)
public class KasmPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kasm(KasmStatus.View kasm);
    }

    @Inject
    KasmStatus status;
    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() throws SQLException {
        return Templates.kasm(status.view(actor.get()));
    }

    @POST
    @Path("retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response retry() throws SQLException {
        int due = status.retryNow(actor.get());
        return Flash.redirect("/admin/kasm", due == 0 ? "Nothing was waiting for Kasm."
                : due + (due == 1 ? " event is" : " events are") + " being sent to Kasm now.");
    }
}
