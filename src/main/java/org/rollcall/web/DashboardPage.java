package org.rollcall.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rollcall.auth.CurrentActor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The start page after logging in: counts and class sizes for staff, own classes for everyone. */
@Path("/")
@Authenticated
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardStats.View view);
    }

    @Inject
    DashboardStats stats;
    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        return Templates.dashboard(stats.of(actor.get()));
    }
}
