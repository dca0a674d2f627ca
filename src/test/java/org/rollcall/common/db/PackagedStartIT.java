package org.rollcall.common.db;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.PackagedApp;

/** What an operator sees when the packaged app starts without a database configured. */
class PackagedStartIT {

    @Test
    void withoutADatabaseItWarnsLoudlyThatItUsesEmbeddedH2() {
        try (PackagedApp app = PackagedApp.serve(Map.of("ADMIN_PASSWORD", "h2-admin-password-1"))) {
            app.awaitReady(Duration.ofMinutes(3));
            String output = app.output();
            assertTrue(output.contains("WARN") && output.contains("WARNING: no database is configured, so Rollcall is using"
                    + " the EMBEDDED H2"), output);
            assertTrue(output.contains("ROLLCALL_REQUIRE_DATABASE=true"), "the warning says how to make this an error");
        }
    }

    @Test
    void requireDatabaseRefusesToStartOnH2() {
        try (PackagedApp app = PackagedApp.serve(Map.of("ROLLCALL_REQUIRE_DATABASE", "true"))) {
            assertNotEquals(0, app.awaitExit(Duration.ofMinutes(3)));
            assertTrue(app.output().contains("ROLLCALL_REQUIRE_DATABASE=true but none of DB_ENDPOINT, DB_USERNAME and"
                    + " DB_PASSWORD is set. Refusing to start on an embedded H2 database"), app.output());
        }
    }
}
