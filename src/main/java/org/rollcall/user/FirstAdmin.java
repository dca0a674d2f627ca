package org.rollcall.user;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.RollcallConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * An empty database gets one admin, so the first person can log in: ADMIN_USERNAME (default
 * admin) with ADMIN_PASSWORD, or a generated password printed once.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    UserRepository users;
    @Inject
    UserService service;
    @Inject
    RollcallConfig config;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.commandMode()) {
            return; // commands create (or refuse to create) their own records
        }
        try {
            createIfEmpty();
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(users::count) == 0) {
                throw e;
            }
            LOG.info("Another instance created the first admin at the same time");
        }
    }

    @Transactional
    public void createIfEmpty() {
        if (users.count() > 0) {
            return;
        }
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Passwords.generate();
        }
        service.create(Actor.SYSTEM, new UserForm(config.admin().username(), "Administrator", null, Role.ADMIN, password, generated));
        if (generated) {
            LOG.warnf("Created the first admin '%s' with the one-time password %s (shown only now; you will be asked"
                    + " to change it at first login)", config.admin().username(), password);
        } else {
            LOG.infof("Created the first admin '%s' with the password from ADMIN_PASSWORD", config.admin().username());
        }
    }
}
