package org.rollcall.roster;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.user.Role;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Printable login cards of one-time passwords ({@link LoginCards}), for the account that made them only. */
@Path("/roster/cards")
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Produces(MediaType.TEXT_HTML)
public class CardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cards(String id, List<LoginCard> cards, String loginUrl, boolean downloaded);
    }

    @Inject
    LoginCards cards;
    @Inject
    CurrentActor actor;

    @GET
    @Path("{id}")
    public Response cards(@PathParam("id") String id, @Context UriInfo uri) {
        List<LoginCard> sheet = cards.find(actor.get(), id).orElseThrow(CardPages::gone);
        String loginUrl = uri.getBaseUriBuilder().path("login").build().toString();
        return Response.ok(Templates.cards(id, sheet, loginUrl, cards.downloaded(actor.get(), id)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{id}/passwords.csv")
    @Produces("text/csv")
    public Response passwords(@PathParam("id") String id) {
        String csv = cards.downloadOnce(actor.get(), id).orElseThrow(() -> DomainException.notFound(
                "The passwords were downloaded already, or are gone: they can be downloaded once, within 15 minutes."));
        return Response.ok(csv, "text/csv; charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Disposition", "attachment; filename=\"one-time-passwords.csv\"").build();
    }

    @POST
    @Path("{id}/forget")
    public Response forget(@PathParam("id") String id) {
        cards.forget(actor.get(), id);
        return Flash.redirect("/users", "The one-time passwords are forgotten: reset a password to print a new card.");
    }

    private static DomainException gone() {
        return DomainException.notFound("These login cards are gone: one-time passwords are kept for 15 minutes, for the person"
                + " who made them. Reset the passwords to print new cards.");
    }
}
