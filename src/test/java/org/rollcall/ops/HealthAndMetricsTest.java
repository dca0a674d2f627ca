package org.rollcall.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** What a load balancer and a Prometheus server see. (Readiness going DOWN: DatabaseTlsTest.) */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessAndReadinessArePublicAndReadinessChecksTheDatabase() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsNeedAnAdminAndAreInPrometheusFormat() {
        String teacher = Api.createUser("metered", "teacher");
        RestAssured.get("/q/metrics").then().statusCode(401);
        Api.as(teacher).get("/q/metrics").then().statusCode(403);
        Api.asAdmin().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/plain"));
    }

    @Test
    void loginsRequestsAndThePoolAreCounted() {
        String user = Api.createUser("counted", "student");
        String before = metrics();
        Api.as(user).get("/api/me").then().statusCode(200);
        Api.as(user, "wrong-password-1").get("/api/me").then().statusCode(401);
        Api.as(user, "wrong-password-2").get("/api/me").then().statusCode(401);
        String after = metrics();

        assertEquals(2, value(after, "rollcall_logins_total", "method=\"basic\",result=\"failed\"")
                - value(before, "rollcall_logins_total", "method=\"basic\",result=\"failed\""), 0.0001);
        assertTrue(value(after, "rollcall_logins_total", "method=\"basic\",result=\"succeeded\"")
                > value(before, "rollcall_logins_total", "method=\"basic\",result=\"succeeded\""));
        assertTrue(value(after, "http_server_requests_seconds_count", "uri=\"/api/me\"") >= 3, after);
        assertTrue(after.contains("agroal_active_count"), "database pool metrics");
        assertTrue(after.contains("rollcall_logins_total{method=\"form\",result=\"throttled\""), "counters exist from the start");
    }

    private static String metrics() {
        return Api.asAdmin().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a metric's samples whose labels contain the given text. */
    private static double value(String exposition, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
