package org.rollcall.common.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.MariaDb;
import org.rollcall.support.PackagedApp;

/** The packaged application picks its database from DB_* at start-up, the way an operator runs it. */
class DatabaseSelectionIT {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void withoutDatabaseVariablesItUsesEmbeddedH2UnderDataAndPrintsAOneTimeAdminPassword() throws Exception {
        String password;
        try (PackagedApp app = PackagedApp.start(work, Map.of()).awaitReady(START)) {
            assertThat(app.output()).contains("Database: embedded H2 at " + work.toRealPath().resolve("data/rollcall.mv.db"));
            assertThat(Files.exists(work.resolve("data/rollcall.mv.db"))).isTrue();
            Matcher printed = Pattern.compile("first admin 'admin' with the one-time password (\\S+) ").matcher(app.output());
            assertThat(printed.find()).as("generated password printed:\n" + app.output()).isTrue();
            password = printed.group(1);
            given().auth().preemptive().basic("admin", password).get(app.url("/api/me"))
                    .then().statusCode(200).body("role", equalTo("admin")).body("mustChangePassword", equalTo(true));
            given().auth().preemptive().basic("admin", password).get(app.url("/api/users"))
                    .then().statusCode(403).body("title", equalTo("Password change required"));
            given().auth().preemptive().basic("admin", password).contentType("application/json")
                    .body(Map.of("currentPassword", password, "newPassword", "admin-chose-this-1")).put(app.url("/api/me/password"))
                    .then().statusCode(204);
            given().auth().preemptive().basic("admin", "admin-chose-this-1").get(app.url("/api/users"))
                    .then().statusCode(200).body("total", equalTo(1));
        }
        try (PackagedApp again = PackagedApp.start(work, Map.of()).awaitReady(START)) {
            assertThat(again.output()).doesNotContain("one-time password").doesNotContain(password);
            given().auth().preemptive().basic("admin", "admin-chose-this-1").get(again.url("/api/users"))
                    .then().statusCode(200).body("total", equalTo(1)).body("items[0].username", equalTo("admin"));
        }
    }

    @Test
    void withAllThreeVariablesItUsesThatMySqlDatabaseAndNeverLogsThePassword() throws Exception {
        MariaDb.requireAvailable();
        String database = MariaDb.createDatabase("selection");
        try {
            Map<String, String> env = new HashMap<>(MariaDb.rollcallEnv(database));
            env.put("ADMIN_PASSWORD", "mysql-admin-password");
            try (PackagedApp app = PackagedApp.start(work, env).awaitReady(START)) {
                given().auth().preemptive().basic("admin", "mysql-admin-password").contentType("application/json")
                        .body(Map.of("username", "zoe", "displayName", "Zoë Ñúñez 李雷 🚀", "role", "student"))
                        .post(app.url("/api/users")).then().statusCode(201);
                assertThat(app.output())
                        .contains("Database: MySQL database '" + database + "' at " + MariaDb.HOST + ":" + MariaDb.PORT)
                        .doesNotContain(MariaDb.PASSWORD)
                        .doesNotContain("mysql-admin-password");
            }
            assertThat(Files.exists(work.resolve("data"))).as("no H2 fallback").isFalse();
            try (var c = MariaDb.connect(database); var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT display_name FROM app_user WHERE username = 'zoe'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Zoë Ñúñez 李雷 🚀");
            }
        } finally {
            MariaDb.dropDatabase(database);
        }
    }

    @Test
    void withOnlySomeVariablesItRefusesToStartAndSaysWhichAreMissing() throws Exception {
        try (PackagedApp app = PackagedApp.start(work, Map.of("DB_ENDPOINT", "db.example.internal", "DB_PASSWORD", "not-to-be-logged"))) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.output())
                    .contains("DB_ENDPOINT, DB_PASSWORD are set but DB_USERNAME is missing")
                    .doesNotContain("not-to-be-logged");
        }
        assertThat(Files.exists(work.resolve("data"))).as("no H2 fallback").isFalse();
    }
}
