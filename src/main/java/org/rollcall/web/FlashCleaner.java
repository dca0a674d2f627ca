package org.rollcall.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A flash message is shown once: the first full HTML page rendered while it is pending clears
 * the cookie. Redirects and htmx fragments leave it for the page that follows.
 */
public class FlashCleaner {

    @ServerResponseFilter
    public void clearShownFlash(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        // the cookies last: parsing them is most of what this costs an API response, which never clears a flash
        if (!html || !HttpMethod.GET.equals(request.getMethod()) || response.getStatus() / 100 == 3
                || request.getHeaderString("HX-Request") != null || !request.getCookies().containsKey(Flash.COOKIE)) {
            return;
        }
        boolean settingNew = response.getHeaders().get(HttpHeaders.SET_COOKIE) != null
                && response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().anyMatch(c -> String.valueOf(c).startsWith(Flash.COOKIE + "="));
        if (!settingNew) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.expired());
        }
    }
}
