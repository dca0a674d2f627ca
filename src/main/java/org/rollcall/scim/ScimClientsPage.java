package org.rollcall.scim;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.scim.ProvisioningClients.ClientView;
import org.rollcall.scim.ProvisioningClients.CreatedClient;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page for provisioning clients: list with last use, create one (its secret shown once), revoke one. */
@Path("/admin/scim")
@RolesAllowed(Role.ADMIN_NAME)
public class ScimClientsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ClientView> clients, String scimUrl, String error, String name);

        static native TemplateInstance created(CreatedClient created, String scimUrl);

        static native TemplateInstance confirmRevoke(ClientView client);
    }

    @Inject
    ProvisioningClients clients;
    @Inject
    CurrentActor actor;
    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(clients.list(actor.get()), ScimUserResource.base(uri), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String name) {
        try {
            CreatedClient created = clients.create(actor.get(), name);
            return Response.ok(Templates.created(created, ScimUserResource.base(uri))).header("Cache-Control", "no-store").build();
        } catch (DomainException e) {
            String error = e.getMessage() + e.fieldErrors().stream().map(f -> " Name " + f.message() + ".").reduce("", String::concat);
            return Response.status(e.status()).entity(Templates.list(clients.list(actor.get()), ScimUserResource.base(uri), error, name))
                    .build();
        }
    }

    @GET
    @Path("/{name}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmRevoke(@PathParam("name") String name) {
        return Templates.confirmRevoke(clients.list(actor.get()).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.notFound("No provisioning client '" + name + "'.")));
    }

    @POST
    @Path("/{name}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("name") String name) {
        ClientView revoked = clients.revoke(actor.get(), name);
        return Flash.redirect("/admin/scim", "Provisioning client " + revoked.name() + " is revoked: its secret and tokens no longer work.");
    }
}
