package org.rollcall.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Issue 14 item 8: what the API shows to someone who has not logged in, with production's settings. */
@QuarkusTest
@TestProfile(ApiExposureTest.ProductionDocs.class)
class ApiExposureTest {

    /** The test profile keeps the API docs open (ApiDocsTest); production does not. */
    public static class ProductionDocs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollcall.api-docs.public", "false");
        }
    }

    @Test
    void theApiDocsAreForAdminsOnly() {
        given().get("/q/openapi").then().statusCode(401);
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(401);
        String teacher = Api.createUser("docs", "teacher");
        given().auth().preemptive().basic(teacher, Api.PASSWORD).get("/q/openapi").then().statusCode(403);
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200);
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anAnonymousCallIsRefusedAsUnauthenticatedWhateverItAccepts() {
        given().accept("application/json").get("/api/backups/nope/download").then().statusCode(401)
                .contentType("application/problem+json");
        given().accept("application/json").get("/api/no-such-endpoint").then().statusCode(401);
        Api.asAdmin().accept("application/zip").get("/api/backups/nope/download").then().statusCode(404);
    }
}
