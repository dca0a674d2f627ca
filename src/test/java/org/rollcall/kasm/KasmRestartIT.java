package org.rollcall.kasm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rollcall.common.db.DatabaseSelection;
import org.rollcall.support.FakeKasm.Behaviour;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.PackagedApp;
import org.rollcall.support.Waits;

/**
 * The packaged app killed (SIGKILL, no shutdown) while changes wait for an unreachable Kasm: after
 * a restart on the same H2 database they are delivered, each user created once with the password
 * set in Rollcall (sealed under the session key the database keeps).
 */
class KasmRestartIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final String ADMIN_PASSWORD = "kasm-restart-admin-1";

    @Test
    void changesWaitingWhenTheAppIsKilledAreDeliveredAfterRestart() throws Exception {
        Path work = Files.createTempDirectory("rollcall-kasm-restart-");
        try (FakeKasm kasm = FakeKasm.start()) {
            kasm.behave(Behaviour.DROP_CONNECTION);
            Map<String, String> env = env(kasm);
            List<String> usernames = new ArrayList<>();
            PackagedApp first = PackagedApp.start(work, env).awaitReady(START);
            try {
                for (int i = 0; i < 5; i++) {
                    String username = "restart" + i;
                    given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                            .body(Map.of("username", username, "displayName", "Restart Pupil" + i, "role", "student",
                                    "password", "pupil-secret-" + i))
                            .post(first.url("/api/users")).then().statusCode(201);
                    usernames.add(username);
                }
                Waits.until(Duration.ofSeconds(30), "Kasm tried for each", () -> usernames.stream().allMatch(u -> !kasm.callsNaming(u).isEmpty()));
                // Embedded H2 writes commits to its file up to half a second late (docs/operations.md): a
                // SIGKILL may take the last ones with it, user and change alike. What is tested here is
                // the outbox across a crash, so the changes are put on disk first.
                checkpoint(work.resolve("data"));
                ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
                first.awaitExit(Duration.ofSeconds(30));
            } finally {
                first.close();
            }
            assertThat(kasm.users().values()).noneMatch(u -> usernames.contains(u.username));

            kasm.behave(Behaviour.NORMAL);
            try (PackagedApp second = PackagedApp.start(work, env).awaitReady(START)) {
                try {
                    Waits.until(Duration.ofSeconds(60), "all delivered after the restart",
                            () -> usernames.stream().allMatch(u -> kasm.user(u) != null));
                } catch (AssertionError e) {
                    String page = given().auth().preemptive().basic("admin", ADMIN_PASSWORD).get(second.url("/admin/kasm")).asString();
                    throw new AssertionError(e.getMessage() + "\nKasm saw: " + kasm.requests() + "\nKasm page:\n"
                            + page.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ") + "\nApp output:\n" + second.output(), e);
                }
                for (int i = 0; i < usernames.size(); i++) {
                    String username = usernames.get(i);
                    assertThat(kasm.callsNaming(username)).containsOnlyOnce("create_user");
                    assertThat(kasm.user(username).password).isEqualTo("pupil-secret-" + i);
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /** CHECKPOINT through the running app's H2 server (AUTO_SERVER): every commit so far is in the file. */
    private static void checkpoint(Path dataDir) throws SQLException {
        DatabaseSelection h2 = DatabaseSelection.from(Map.of("ROLLCALL_DATA_DIR", dataDir.toString())::get);
        try (Connection c = DriverManager.getConnection(h2.jdbcUrl(), h2.connectionProperties()); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static Map<String, String> env(FakeKasm kasm) {
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KASM_URL", kasm.url());
        env.put("KASM_API_KEY", FakeKasm.KEY);
        env.put("KASM_API_KEY_SECRET", FakeKasm.SECRET);
        env.put("ROLLCALL_KASM_POLL", "PT0.2S");
        env.put("ROLLCALL_KASM_RETRY_BASE", "PT0.5S");
        env.put("ROLLCALL_KASM_RETRY_MAX", "PT2S");
        env.put("ROLLCALL_KASM_CALL_TIMEOUT", "PT2S");
        env.put("ROLLCALL_KASM_CLAIM", "PT5S");
        return env;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
