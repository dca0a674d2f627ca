package org.rollcall.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Forms;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedApp;

import io.restassured.response.Response;

/**
 * Several packaged instances on one MariaDB database, as behind a load balancer: they start
 * together on an empty database (issue 14 item 7), and a session ended through one is refused by
 * the other within the bound README "Scaling out" states (item 1).
 */
class ScaleOutIT {

    /** README "Logging in": another instance refuses an ended session within this. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(4);
    private static final Duration START = Duration.ofMinutes(4);
    private static final String ADMIN_PASSWORD = "scale-out-admin-1";

    @BeforeAll
    static void mariaDb() {
        MariaDb.requireAvailable();
    }

    private static Map<String, String> env(String database) {
        Map<String, String> env = MariaDb.rollcallEnv(database);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ROLLCALL_SESSION_KEY", "scale-out-session-key-0123456789");
        return env;
    }

    /** Rounds of instances started at the same moment on a new empty database; every one must start. */
    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllStart() {
        int rounds = Integer.getInteger("scaleout.rounds", 3);
        int instances = Integer.getInteger("scaleout.instances", 3);
        for (int round = 1; round <= rounds; round++) {
            String database = MariaDb.createDatabase("h2s_start");
            List<PackagedApp> apps = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    apps.add(PackagedApp.serve(env(database)));
                }
                for (PackagedApp app : apps) {
                    app.awaitReady(START);
                }
                for (PackagedApp app : apps) {
                    assertThat(app.output()).as("round " + round).doesNotContain("no schema history table");
                }
            } finally {
                apps.forEach(PackagedApp::close);
                MariaDb.dropDatabase(database);
            }
        }
    }

    @Test
    void aSessionEndedThroughOneInstanceIsRefusedByTheOtherWithinTheBound() {
        String database = MariaDb.createDatabase("h2s_revoke");
        try (PackagedApp a = PackagedApp.serve(env(database)).awaitReady(START);
                PackagedApp b = PackagedApp.serve(env(database)).awaitReady(START)) {
            // logging out through a ends that session on b
            String session = login(a, "admin", ADMIN_PASSWORD);
            assertThat(me(b, session)).as("b accepts a's session (and caches the account)").isEqualTo(200);
            logout(a, session);
            assertRefusedWithinBound(b, session, "logout through a");

            // a password reset through a ends the user's sessions on b, before b's account cache expires
            given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                    .body(Map.of("username", "pupil", "displayName", "Pupil", "role", "student", "password", "correct-horse-1"))
                    .post(a.url("/api/users")).then().statusCode(201);
            String pupil = login(b, "pupil", "correct-horse-1");
            assertThat(me(b, pupil)).isEqualTo(200);
            given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json").body(Map.of())
                    .post(a.url("/api/users/pupil/password-reset")).then().statusCode(200);
            assertRefusedWithinBound(b, pupil, "password reset through a");
        } finally {
            MariaDb.dropDatabase(database);
        }
    }

    private static void assertRefusedWithinBound(PackagedApp app, String session, String what) {
        Instant start = Instant.now();
        Instant deadline = start.plus(REVOCATION_BOUND);
        while (Instant.now().isBefore(deadline)) {
            if (me(app, session) == 401) {
                return;
            }
            sleep(100); // polling a bounded wait
        }
        fail("After " + what + ", the other instance still accepted the session " + REVOCATION_BOUND.toMillis() + " ms later");
    }

    private static String login(PackagedApp app, String username, String password) {
        Response form = given().get(app.url("/login"));
        Response login = given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, form.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(form.asString())).formParam("username", username)
                .formParam("password", password).post(app.url("/login"));
        assertThat(login.statusCode()).as(login.asString()).isEqualTo(303);
        return login.getCookie("rollcall_session");
    }

    private static void logout(PackagedApp app, String session) {
        Response page = given().cookie("rollcall_session", session).get(app.url("/me"));
        given().redirects().follow(false).cookie("rollcall_session", session).cookie(Forms.CSRF_COOKIE, page.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).post(app.url("/logout")).then().statusCode(303);
    }

    private static int me(PackagedApp app, String session) {
        return given().cookie("rollcall_session", session).accept("application/json").get(app.url("/api/me")).statusCode();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
