package org.rollcall.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Application settings; see the configuration table in README.md. */
@ConfigMapping(prefix = "rollcall")
public interface RollcallConfig {

    Database database();

    Admin admin();

    Session session();

    ApiDocs apiDocs();

    SelfEdit selfEdit();

    /** True when the process runs a command (init, migrate, ...) rather than serving the web app. */
    @WithDefault("false")
    boolean commandMode();

    /** ROLLCALL_SCHOOL_NAME: the school's name, as the OneRoster export names its one org. */
    @WithDefault("School")
    String schoolName();

    /** Load the demo roster (a teacher, students, two classes) into an empty database. Dev only. */
    @WithDefault("false")
    boolean demoData();

    interface Database {
        /** H2 or MYSQL, decided from the DB_* variables at start-up. */
        String kind();

        /** Human-readable name of the database in use; never contains a password. */
        String description();
    }

    interface Admin {
        @WithDefault("admin")
        String username();

        Optional<String> password();
    }

    interface ApiDocs {
        /** ROLLCALL_API_DOCS_PUBLIC: serve /q/openapi and Swagger UI without an admin login. */
        @WithName("public")
        @WithDefault("false")
        boolean open();
    }

    interface SelfEdit {
        /**
         * ROLLCALL_SELF_EDIT_LOCKED_ROLES: roles (admin, teacher, student; comma-separated) whose
         * accounts may not change their own name and email. Unset: everyone may.
         */
        Optional<List<String>> lockedRoles();
    }

    interface Session {
        /** Secret that encrypts session cookies; instances behind one load balancer share it. */
        Optional<String> key();

        @WithDefault("PT12H")
        Duration lifetime();

        /** Mark the cookie Secure; on by default outside dev and test. */
        @WithDefault("true")
        boolean secureCookie();

        /** How often each instance reads the sessions ended through the others (ROLLCALL_SESSION_REVOCATION_POLL). */
        @WithDefault("PT2S")
        Duration revocationPoll();
    }
}
