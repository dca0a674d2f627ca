package org.rollcall.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.rollcall.auth.LoginRedirect;

/**
 * The CSRF filter refuses a form POST without a valid token with an empty 400. A person who
 * sees that (usually: a form left open past a restart, or cookies cleared) gets a page that says
 * what happened and what to do instead of a blank screen.
 */
public class CsrfRefusalPage {

    @Inject
    ErrorPage pages;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !HttpMethod.POST.equals(request.getMethod())
                || LoginRedirect.isApi(request.getUriInfo().getPath())) {
            return;
        }
        response.setEntity(pages.render(400, "Form not accepted",
                "The form was sent without a valid security token, so nothing was changed. Go back, reload the page and send it again."),
                null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
