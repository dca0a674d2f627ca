package org.rollcall.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;

import io.quarkus.runtime.StartupEvent;

/** One line at start-up that says which database this instance uses (never a password). */
@ApplicationScoped
public class DatabaseStartupLog {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupLog.class);

    void log(@Observes StartupEvent event, RollcallConfig config) {
        LOG.infof("Database: %s", config.database().description());
    }
}
