package org.rollcall.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.common.DomainException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders errors inside the layout for browsers. */
@ApplicationScoped
public class ErrorPage {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<String> problems);
    }

    public String render(int status, String title, String detail) {
        return render(status, title, detail, List.of());
    }

    /** With the field problems of a rejected request (e.g. an unknown role in a filter), one per line. */
    public String render(int status, String title, String detail, List<DomainException.FieldError> errors) {
        return Templates.error(status, title, detail, errors.isEmpty() ? List.of() : FieldErrors.of(errors).summary()).render();
    }
}
