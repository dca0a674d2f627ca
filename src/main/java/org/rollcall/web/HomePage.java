package org.rollcall.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rollcall.auth.Account;
import org.rollcall.auth.CurrentActor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

@Path("/")
@Authenticated
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Account account);
    }

    private final CurrentActor actor;

    public HomePage(CurrentActor actor) {
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(actor.account());
    }
}
