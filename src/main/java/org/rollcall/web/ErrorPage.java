package org.rollcall.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders errors inside the layout for browsers. */
@ApplicationScoped
public class ErrorPage {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    public String render(int status, String title, String detail) {
        return Templates.error(status, title, detail).render();
    }
}
