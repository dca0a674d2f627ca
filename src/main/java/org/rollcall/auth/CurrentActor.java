package org.rollcall.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.rollcall.user.Role;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is asking in the current request: the {@link Actor} resources hand to the services, and for
 * the layout's navigation ({@code inject:viewer}) what to show. Showing is not allowing: every page
 * and service still checks its own permissions.
 */
@RequestScoped
@Named("viewer")
public class CurrentActor {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;

    public Actor get() {
        Account account = account();
        if (account == null) {
            throw new UnauthorizedException();
        }
        return account.actor();
    }

    /** The logged-in account; null when anonymous. */
    public Account account() {
        return Account.of(identity);
    }

    /** The browser session this request came with; null for Basic, a token or anonymous. */
    Session session() {
        return identity.isAnonymous() ? null : identity.getAttribute(Session.ATTRIBUTE);
    }

    public boolean loggedIn() {
        return account() != null;
    }

    public String username() {
        Account account = account();
        return account == null ? "" : account.username();
    }

    public String role() {
        Account account = account();
        return account == null ? "" : account.role().id();
    }

    /** Teachers and admins: the people who manage users and classes. */
    public boolean staff() {
        Account account = account();
        return account != null && account.role() != Role.STUDENT;
    }

    public boolean admin() {
        Account account = account();
        return account != null && account.role() == Role.ADMIN;
    }

    /** Still has to replace a reset password: the only way on is the change-password page. */
    public boolean mustChangePassword() {
        Account account = account();
        return account != null && account.mustChangePassword();
    }

    /** "page" when the current address is in the given section, for aria-current on the nav link. */
    public String current(String section) {
        RoutingContext context = request.getCurrent();
        String path = context == null ? "" : context.request().path();
        boolean here = section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
        return here ? "page" : "false";
    }
}
