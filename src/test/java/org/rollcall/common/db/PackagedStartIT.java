package org.rollcall.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
    void theFirstStartCreatesTheAdminAndNoDemoRoster() {
        try (PackagedApp app = PackagedApp.serve(Map.of("ADMIN_PASSWORD", "h2-admin-password-1"))) {
            app.awaitReady(Duration.ofMinutes(3));
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:h2-admin-password-1".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> users = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/users"))).header("Authorization", admin));
            assertEquals(200, users.statusCode(), users.body());
            assertTrue(users.body().contains("\"total\":1,"), "only the admin: " + users.body());
            HttpResponse<String> teacher = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/users/teacher"))).header("Authorization", admin));
            assertEquals(404, teacher.statusCode(), "the demo teacher exists only in dev mode");
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
