package org.rollcall.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.rollcall.auth.Account;
import org.rollcall.auth.CurrentActor;
import org.rollcall.user.Role;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who is looking at the page, for the layout's navigation ({@code inject:viewer}). Only decides
 * what to show; every page still checks its own permissions.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    private final Account account;
    private final String path;

    public Viewer(CurrentActor actor, HttpServerRequest request) {
        this.account = actor.account();
        this.path = request.path();
    }

    public boolean loggedIn() {
        return account != null;
    }

    public String username() {
        return account == null ? "" : account.username();
    }

    public String role() {
        return account == null ? "" : account.role().id();
    }

    /** Teachers and admins: the people who manage users and classes. */
    public boolean staff() {
        return account != null && account.role() != Role.STUDENT;
    }

    public boolean admin() {
        return account != null && account.role() == Role.ADMIN;
    }

    /** Still has to replace a reset password: the only way on is the change-password page. */
    public boolean mustChangePassword() {
        return account != null && account.mustChangePassword();
    }

    /** "page" when the current address is in the given section, for aria-current on the nav link. */
    public String current(String section) {
        boolean here = section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
        return here ? "page" : "false";
    }
}
