package org.rollcall.schoolclass;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rollcall.auth.CurrentActor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A class as a member sees it, read-only (the dashboard links students here); the class's teachers manage it at /classes. */
@Path("/my/classes")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyClassPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myClass(ClassOverview schoolClass);
    }

    @Inject
    ClassService classes;
    @Inject
    CurrentActor actor;

    @GET
    @Path("{code}")
    public TemplateInstance myClass(@PathParam("code") String code) {
        return Templates.myClass(classes.overview(actor.get(), code));
    }
}
