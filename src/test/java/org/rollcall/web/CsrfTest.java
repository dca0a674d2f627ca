package org.rollcall.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every page form carries a CSRF token; a POST without it changes nothing. */
@QuarkusTest
class CsrfTest {

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndChangesNothing() {
        String username = Api.unique("csrf");
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .formParam("username", username).formParam("displayName", "No Token").formParam("role", "student")
                .post("/users")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("security token"));
        Api.asAdmin().get("/api/users/" + username).then().statusCode(404);
    }

    @Test
    void aTokenFromAnotherSessionIsRefused() {
        Response form = given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/users/new");
        String token = Forms.csrfToken(form.asString());
        String username = Api.unique("csrf");
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie("rollcall_csrf", "another-cookie-value-that-does-not-match")
                .formParam("csrf-token", token).formParam("username", username).formParam("displayName", "Wrong Token")
                .formParam("role", "student")
                .post("/users")
                .then().statusCode(400);
        Api.asAdmin().get("/api/users/" + username).then().statusCode(404);
    }

    @Test
    void theSameFormWithItsTokenIsAccepted() {
        Response form = given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/users/new");
        String username = Api.unique("csrf");
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie("rollcall_csrf", form.getCookie("rollcall_csrf"))
                .formParam("csrf-token", Forms.csrfToken(form.asString())).formParam("username", username)
                .formParam("displayName", "With Token").formParam("role", "student")
                .post("/users")
                .then().statusCode(303).header("Location", containsString("/users/" + username));
        Api.asAdmin().get("/api/users/" + username).then().statusCode(200);
    }

    @Test
    void logoutAndLoginFormsCarryTheToken() {
        String login = given().get("/login").asString();
        org.junit.jupiter.api.Assertions.assertTrue(Forms.hasCsrfToken(login), "login form has a CSRF token");
        given().redirects().follow(false).formParam("username", Api.ADMIN).formParam("password", Api.ADMIN_PASSWORD)
                .post("/login").then().statusCode(400);
    }
}
