package org.rollcall.auth;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.rollcall.common.DomainException;
import org.rollcall.user.UserDetail;
import org.rollcall.user.UserService;
import org.rollcall.user.UserView;
import org.rollcall.web.FieldErrors;
import org.rollcall.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Every role's own pages: my profile and classes, change my password (also the forced change after a reset). */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(UserView me, List<UserDetail.ClassMembership> classes);

        static native TemplateInstance password(boolean forced, FieldErrors errors);
    }

    private final UserService users;
    private final CurrentActor actor;
    private final Sessions sessions;
    private final Revocations revocations;

    public ProfilePages(UserService users, CurrentActor actor, Sessions sessions, Revocations revocations) {
        this.users = users;
        this.actor = actor;
        this.sessions = sessions;
        this.revocations = revocations;
    }

    @GET
    public TemplateInstance profile() {
        Actor me = actor.get();
        UserView self = users.findSelf(me).orElseThrow(() -> DomainException.notFound("Your account no longer exists."));
        return Templates.profile(self, users.classesOf(me));
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(forced(), FieldErrors.NONE);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword, HttpServerRequest request, HttpServerResponse response) {
        boolean forced = forced();
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            return Response.status(400).entity(Templates.password(forced,
                    FieldErrors.of("confirmPassword", "does not match the new password"))).build();
        }
        try {
            users.changeOwnPassword(actor.get(), currentPassword, newPassword);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(Templates.password(forced, FieldErrors.of(e))).build();
        }
        // the change ended every session of the account; this browser goes on with a new one
        sessions.renew(actor.session(), request.isSSL()).ifPresent(response::addCookie);
        return Flash.redirect(forced ? "/" : "/me", "Your password has been changed.");
    }

    @POST
    @Path("sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere(HttpServerRequest request, HttpServerResponse response) {
        Actor me = actor.get();
        revocations.endAllSessions(me, me.username());
        response.addCookie(sessions.clear(request.isSSL()));
        return Response.seeOther(URI.create("/login?loggedOut=1")).build();
    }

    private boolean forced() {
        Account account = actor.account();
        return account != null && account.mustChangePassword();
    }
}
