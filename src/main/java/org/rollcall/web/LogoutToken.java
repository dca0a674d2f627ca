package org.rollcall.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token for the layout's log-out form ({@code inject:logoutToken}). Pages rendered by a
 * resource get it from the CSRF filter, like {@code inject:csrf}; error pages (403 decided before
 * the filter ran, 404 for unknown addresses) fall back to the browser's CSRF cookie, whose value is
 * the token, instead of failing to render.
 */
@RequestScoped
@Named("logoutToken")
public class LogoutToken {

    static final String FILTER_ATTRIBUTE = "csrf_token";
    static final String COOKIE = "rollcall_csrf";

    @Inject
    CurrentVertxRequest request;
    @Inject
    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String fieldName;

    public String name() {
        return fieldName;
    }

    public String value() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return "";
        }
        Object token = context.get(FILTER_ATTRIBUTE);
        if (token != null) {
            return token.toString();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        return cookie == null ? "" : cookie.getValue();
    }
}
