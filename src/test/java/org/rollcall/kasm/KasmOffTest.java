package org.rollcall.kasm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** Without KASM_URL the sync is off: changes queue nothing, and the Kasm page and health check say so. */
@QuarkusTest
class KasmOffTest {

    @Inject
    DataSource dataSource;

    @Test
    void withoutAKasmUrlNothingIsQueued() throws SQLException {
        String username = Api.createUser("koff", "student");
        Api.asAdmin().post("/api/users/" + username + "/disable").then().statusCode(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from kasm_outbox")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        given().accept("text/html").auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/kasm").then().statusCode(200)
                .body(containsString("Kasm sync is off"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("\"kasm\": \"off\""));
    }
}
