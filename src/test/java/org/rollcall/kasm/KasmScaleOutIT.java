package org.rollcall.kasm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.support.FakeKasm.Behaviour;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedApp;
import org.rollcall.support.Waits;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two packaged instances on one MariaDB database, both delivering: changes queued through either
 * while Kasm is down are all delivered once it is back, each exactly once (one create_user per
 * user, never two), though both instances' workers race for the same events.
 */
class KasmScaleOutIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final String ADMIN_PASSWORD = "kasm-scale-admin-1";

    @BeforeAll
    static void mariaDb() {
        MariaDb.requireAvailable();
    }

    @Test
    void twoInstancesDeliverEachEventOnce() throws Exception {
        String database = MariaDb.createDatabase("kasm_scale");
        try (FakeKasm kasm = FakeKasm.start()) {
            kasm.behave(Behaviour.DROP_CONNECTION);
            Map<String, String> env = MariaDb.rollcallEnv(database);
            env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("ROLLCALL_SESSION_KEY", "kasm-scale-out-session-key-0123456789");
            env.put("KASM_URL", kasm.url());
            env.put("KASM_API_KEY", FakeKasm.KEY);
            env.put("KASM_API_KEY_SECRET", FakeKasm.SECRET);
            env.put("KASM_AUTH", "basic");
            env.put("ROLLCALL_KASM_POLL", "PT0.1S");
            env.put("ROLLCALL_KASM_RETRY_BASE", "PT0.5S");
            env.put("ROLLCALL_KASM_RETRY_MAX", "PT1S");
            try (PackagedApp a = PackagedApp.serve(env).awaitReady(START); PackagedApp b = PackagedApp.serve(env).awaitReady(START)) {
                List<String> usernames = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    PackagedApp app = i % 2 == 0 ? a : b;
                    String username = "scale" + i;
                    given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                            .body(Map.of("username", username, "displayName", "Scale Pupil" + i, "role", "student", "password", "scale-secret-" + i))
                            .post(app.url("/api/users")).then().statusCode(201);
                    usernames.add(username);
                }
                kasm.behave(Behaviour.NORMAL);
                Waits.until(Duration.ofSeconds(60), "all 60 created in Kasm", () -> usernames.stream().allMatch(u -> kasm.user(u) != null));
                ObjectMapper json = new ObjectMapper();
                List<String> created = new ArrayList<>();
                for (FakeKasm.Request r : kasm.requests()) {
                    if (r.call().equals("create_user")) {
                        created.add(json.readTree(r.body()).path("target_user").path("username").asText());
                    }
                }
                assertThat(created).as("one create_user per user (the first admin's too)").doesNotHaveDuplicates()
                        .containsAll(usernames).hasSize(usernames.size() + 1);
                assertThat(kasm.requests()).as("the key travels as HTTP Basic, not in the body")
                        .allMatch(r -> r.authorization() != null && !r.body().contains(FakeKasm.SECRET));
            }
        } finally {
            MariaDb.dropDatabase(database);
        }
    }
}
