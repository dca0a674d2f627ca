package org.rollcall.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import org.rollcall.audit.AuditAction;
import org.rollcall.auth.CurrentActor;

/**
 * Why someone must choose a new password before going on: someone reset it, or this is the
 * first login with the password they were given (a new account, the first admin). A user's
 * must-change flag is set only at creation and by a reset, and every reset is in the audit log.
 * Templates read it as {@code inject:passwordChange}.
 */
@RequestScoped
@Named("passwordChange")
public class PasswordChangeReason {

    @Inject
    EntityManager em;
    @Inject
    CurrentActor actor;

    /** Whether the password to replace came from a reset (rather than with the new account). */
    public boolean wasReset() {
        return !em.createQuery("select e.id from AuditEvent e where e.action = :action and e.target = :username", Long.class)
                .setParameter("action", AuditAction.PASSWORD_RESET.id())
                .setParameter("username", actor.username())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
