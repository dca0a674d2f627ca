package org.rollcall.kasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FakeKasm.Behaviour;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.TableDump;
import org.rollcall.support.Waits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Delivery when Kasm misbehaves: down while a class is imported, answering HTTP 500 or an
 * {@code error_message}, not answering in time, dropping the connection, answering slowly, losing
 * the answer to a create it carried out. Teachers' actions never fail for it; every change arrives
 * once Kasm is back, in order and not twice; passwords travel only in the {@code password} field of
 * the call that sets them and are left nowhere.
 */
@QuarkusTest
@QuarkusTestResource(value = KasmTestResource.class, restrictToAnnotatedClass = true)
class KasmDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    FakeKasm kasm;
    @Inject
    DataSource dataSource;

    @AfterEach
    void kasmBackToNormal() {
        kasm.behave(Behaviour.NORMAL);
        kasm.loseAnswersOf(null);
    }

    @Test
    void fiftyStudentsImportedWhileKasmIsDownAreCreatedOnceInOrderWhenItIsBack() throws Exception {
        LogCapture log = LogCapture.start();
        try {
            kasm.behave(Behaviour.DROP_CONNECTION);
            String prefix = Api.unique("k50-");
            StringBuilder csv = new StringBuilder("username,name\n");
            List<String> usernames = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String username = prefix + String.format("%02d", i);
                usernames.add(username);
                csv.append(username).append(",Student Number").append(i).append('\n');
            }
            var report = Api.asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/users/import").then().statusCode(200).extract();
            List<Map<String, String>> oneTime = report.path("oneTimePasswords");
            Map<String, String> passwords = new LinkedHashMap<>();
            oneTime.forEach(p -> passwords.put(p.get("username"), p.get("password")));
            assertThat(passwords.keySet()).as("the import itself is not held up by Kasm").containsExactlyElementsOf(usernames);

            Waits.until(DELIVERY, "a failed attempt recorded", () -> lastError(usernames.get(0)).contains("unreachable"));
            assertThat(kasm.users().values()).noneMatch(u -> usernames.contains(u.username));

            kasm.behave(Behaviour.NORMAL);
            long back = System.nanoTime();
            Waits.until(DELIVERY, "all 50 created in Kasm", () -> usernames.stream().allMatch(u -> kasm.user(u) != null));
            System.out.printf("Kasm back: 50 students created in Kasm %d ms later%n", (System.nanoTime() - back) / 1_000_000);
            Waits.until(DELIVERY, "all 50 events marked delivered", () -> usernames.stream().allMatch(u -> "delivered".equals(state(u))));

            List<String> created = new ArrayList<>();
            for (FakeKasm.Request r : kasm.requests()) {
                if (r.call().equals("create_user")) {
                    String username = JSON.readTree(r.body()).path("target_user").path("username").asText();
                    if (usernames.contains(username)) {
                        created.add(username);
                    }
                }
            }
            assertThat(created).as("each created once, in the order of the file").containsExactlyElementsOf(usernames);
            for (String username : usernames) {
                assertThat(kasm.user(username).password).isEqualTo(passwords.get(username));
            }

            // the password travels only in the password field of the call that sets it
            for (FakeKasm.Request r : kasm.requests()) {
                for (Map.Entry<String, String> p : passwords.entrySet()) {
                    if (r.body().contains(p.getValue())) {
                        JsonNode body = JSON.readTree(r.body());
                        assertThat(r.call()).isEqualTo("create_user");
                        assertThat(body.path("target_user").path("password").asText()).isEqualTo(p.getValue());
                        JsonNode without = body.deepCopy();
                        ((com.fasterxml.jackson.databind.node.ObjectNode) without.path("target_user")).remove("password");
                        assertThat(without.toString()).doesNotContain(p.getValue());
                    }
                }
            }
            // ... and is nowhere in the app's log or the database after delivery
            String logged = log.text();
            assertThat(logged).contains("Kasm");   // the failures were logged, with their reasons
            try (Connection c = dataSource.getConnection()) {
                String dump = TableDump.of(c).toString();
                for (String password : passwords.values()) {
                    assertThat(logged).doesNotContain(password);
                    assertThat(dump).doesNotContain(password);
                }
            }
            assertThat(logged).doesNotContain(FakeKasm.SECRET);
        } finally {
            log.stop();
        }
    }

    @Test
    void anErrorMessageInAnHttp200IsAFailureRetriedUntilKasmAccepts() throws SQLException {
        kasm.behave(Behaviour.ERROR_MESSAGE);
        String username = Api.createUser("kem", "student");
        Waits.until(DELIVERY, "the failure recorded", () -> lastError(username).contains("Kasm is in maintenance mode"));
        assertThat(kasm.user(username)).isNull();
        kasm.behave(Behaviour.NORMAL);
        Waits.until(DELIVERY, "created once Kasm accepts", () -> kasm.user(username) != null);
        Waits.until(DELIVERY, "delivered", () -> "delivered".equals(state(username)));
        assertThat(attempts(username)).isGreaterThan(1);
    }

    @Test
    void anHttp500IsAFailureRetried() throws SQLException {
        kasm.behave(Behaviour.HTTP_500);
        String username = Api.createUser("k500", "student");
        Waits.until(DELIVERY, "the failure recorded", () -> lastError(username).contains("HTTP 500"));
        kasm.behave(Behaviour.NORMAL);
        Waits.until(DELIVERY, "created", () -> kasm.user(username) != null);
    }

    @Test
    void noAnswerInTimeIsAFailureAndDoesNotHoldUpTheTeacher() throws SQLException {
        kasm.behave(Behaviour.NO_ANSWER);
        long start = System.nanoTime();
        String username = Api.createUser("knoa", "student");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Waits.until(DELIVERY, "the timeout recorded", () -> lastError(username).contains("no answer within 3000 ms"));
        kasm.behave(Behaviour.NORMAL);
        Waits.until(DELIVERY, "created", () -> kasm.user(username) != null);
    }

    @Test
    void aDroppedConnectionIsAFailureRetried() throws SQLException {
        kasm.behave(Behaviour.DROP_CONNECTION);
        String username = Api.createUser("kdrop", "student");
        Waits.until(DELIVERY, "the failure recorded", () -> lastError(username).contains("unreachable"));
        kasm.behave(Behaviour.NORMAL);
        Waits.until(DELIVERY, "created", () -> kasm.user(username) != null);
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsDeliveredAtTheFirstAttempt() throws SQLException {
        kasm.slowBy(300);
        kasm.behave(Behaviour.SLOW);
        String username = Api.createUser("kslow", "student");
        Waits.until(DELIVERY, "delivered", () -> "delivered".equals(state(username)));
        assertThat(attempts(username)).isEqualTo(1);
        assertThat(lastError(username)).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotMadeTwice() throws SQLException {
        kasm.loseAnswersOf("create_user");
        String username = Api.createUser("klost", "student");
        Waits.until(DELIVERY, "the lost answer recorded as a failure", () -> !lastError(username).isEmpty());
        kasm.loseAnswersOf(null);
        Waits.until(DELIVERY, "delivered", () -> "delivered".equals(state(username)));
        assertThat(kasm.callsNaming(username)).as("the retry found the user by username").containsOnlyOnce("create_user")
                .contains("update_user");
        assertThat(kasm.users().values().stream().filter(u -> u.username.equals(username))).hasSize(1);
        assertThat(kasm.user(username).password).isEqualTo(Api.PASSWORD);
    }

    private String lastError(String username) {
        return column(username, "last_error");
    }

    private String state(String username) {
        return column(username, "state");
    }

    private int attempts(String username) {
        return Integer.parseInt(column(username, "attempts"));
    }

    /** The column of the user's first event ("" when null or none yet). */
    private String column(String username, String column) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + column + " from kasm_outbox where username = ? order by id limit 1")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the app logs while it runs, as the console would show it. */
    static final class LogCapture extends Handler {

        private final StringBuilder text = new StringBuilder();
        private final SimpleFormatter format = new SimpleFormatter();

        static LogCapture start() {
            LogCapture capture = new LogCapture();
            java.util.logging.Logger.getLogger("").addHandler(capture);
            return capture;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(format.format(record));
        }

        synchronized String text() {
            return text.toString();
        }

        void stop() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
