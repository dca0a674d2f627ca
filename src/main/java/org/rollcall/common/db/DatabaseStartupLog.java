package org.rollcall.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * One line at start-up that says which database this instance uses (never a password), and a
 * loud warning when a production start fell back to the embedded H2 database.
 */
@ApplicationScoped
public class DatabaseStartupLog {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupLog.class);

    void log(@Observes StartupEvent event, RollcallConfig config) {
        LOG.infof("Database: %s", config.database().description());
        if (LaunchMode.current() == LaunchMode.NORMAL && DatabaseSelection.Kind.H2.name().equals(config.database().kind())
                && !config.commandMode()) {
            LOG.warn("""

                    *********************************************************************************
                    * WARNING: no database is configured, so Rollcall is using the EMBEDDED H2
                    * database in a local file. Fine on a laptop; not for a school: the data lives on
                    * this machine only and no other instance can share it.
                    * For production set DB_ENDPOINT, DB_USERNAME and DB_PASSWORD (MySQL / RDS), and
                    * ROLLCALL_REQUIRE_DATABASE=true so that a missing setting stops the start.
                    *********************************************************************************""");
        }
    }
}
