package org.rollcall.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiDocsTest {

    @Test
    void openApiDocumentDescribesTheApiAndSwaggerUiIsServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/users"))
                .body("paths", hasKey("/api/users/{username}/password-reset"))
                .body("paths", hasKey("/api/groups/{code}/members/{username}"))
                .body("paths", hasKey("/api/me/tokens"))
                .body("info.title", containsString("Rollcall"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
