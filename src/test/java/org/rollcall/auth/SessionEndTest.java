package org.rollcall.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 14 item 1: a session is bound to its account and ends with logout, password and account changes. */
@QuarkusTest
class SessionEndTest {

    static String login(String username, String password) {
        Response login = FormLogin.post(username, password, null);
        assertThat(login.statusCode()).as("login of " + username).isEqualTo(303);
        return login.getCookie(Sessions.COOKIE);
    }

    static int me(String session) {
        return given().cookie(Sessions.COOKIE, session).accept("application/json").get("/api/me").statusCode();
    }

    @Test
    void aDeletedAccountsSessionDoesNotOpenANewAccountOfTheSameName() {
        String name = Api.createUser("reuse", "student");
        String session = login(name, Api.PASSWORD);
        assertThat(me(session)).isEqualTo(200);
        Api.asAdmin().delete("/api/users/" + name).then().statusCode(204);
        Api.asAdmin().body(Map.of("username", name, "displayName", "Now an admin", "role", "admin", "password", Api.PASSWORD))
                .post("/api/users").then().statusCode(201);
        assertThat(me(session)).isEqualTo(401);
        given().cookie(Sessions.COOKIE, session).accept("application/json").get("/api/users").then().statusCode(401);
        given().cookie(Sessions.COOKIE, session).redirects().follow(false).get("/admin/audit").then().statusCode(302);
        // the new account's own login works
        given().cookie(Sessions.COOKIE, login(name, Api.PASSWORD)).get("/api/me").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void aCopiedCookieStopsWorkingAtLogout() {
        String name = Api.createUser("logoutcopy", "student");
        String session = login(name, Api.PASSWORD);
        String other = login(name, Api.PASSWORD);
        Response home = given().cookie(Sessions.COOKIE, session).get("/me");
        given().redirects().follow(false).cookie(Sessions.COOKIE, session).cookie(Forms.CSRF_COOKIE, home.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(home.asString())).post("/logout").then().statusCode(303);
        assertThat(me(session)).as("the logged-out session, sent again").isEqualTo(401);
        assertThat(me(other)).as("the same user's other browser").isEqualTo(200);
    }

    @Test
    void changingMyPasswordEndsMyOtherSessionsAndKeepsThisOne() {
        String name = Api.createUser("pwchange", "student");
        String session = login(name, Api.PASSWORD);
        String other = login(name, Api.PASSWORD);
        Response changed = given().cookie(Sessions.COOKIE, session).contentType("application/json")
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "another-horse-2")).put("/api/me/password");
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(me(other)).as("another browser of the same user").isEqualTo(401);
        assertThat(me(session)).as("a copy of the cookie from before the change").isEqualTo(401);
        String renewed = changed.getCookie(Sessions.COOKIE);
        assertThat(renewed).as("the browser that changed it goes on with a new cookie").isNotBlank();
        assertThat(me(renewed)).isEqualTo(200);
    }

    @Test
    void aPasswordResetARoleChangeAndDisablingEndEverySession() {
        String reset = Api.createUser("endreset", "student");
        String resetSession = login(reset, Api.PASSWORD);
        Api.asAdmin().body(Map.of()).post("/api/users/" + reset + "/password-reset").then().statusCode(200);
        assertThat(me(resetSession)).as("after a password reset").isEqualTo(401);

        String promoted = Api.createUser("endrole", "student");
        String promotedSession = login(promoted, Api.PASSWORD);
        Api.asAdmin().body(Map.of("displayName", "Promoted", "role", "teacher", "version", 0)).put("/api/users/" + promoted).then().statusCode(200);
        assertThat(me(promotedSession)).as("after a role change").isEqualTo(401);

        String disabled = Api.createUser("enddisable", "student");
        String disabledSession = login(disabled, Api.PASSWORD);
        Api.asAdmin().post("/api/users/" + disabled + "/disable").then().statusCode(200);
        assertThat(me(disabledSession)).as("while disabled").isEqualTo(401);
        Api.asAdmin().post("/api/users/" + disabled + "/enable").then().statusCode(200);
        assertThat(me(disabledSession)).as("enabled again: the old session stays ended").isEqualTo(401);
        assertThat(me(login(disabled, Api.PASSWORD))).isEqualTo(200);
    }

    @Test
    void aNextWithSpacesIsEncodedAndOneWithAControlCharacterFallsBackHome() {
        String name = Api.createUser("nextspace", "teacher");
        Response form = given().redirects().follow(false).get("/login?next=%2Fusers%3Fq%3Da%20b");
        assertThat(form.statusCode()).isEqualTo(200);
        Response login = given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, form.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(form.asString())).formParam("username", name)
                .formParam("password", Api.PASSWORD).formParam("next", "/users?q=a b").post("/login");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/users?q=a%20b");
        for (String bad : new String[] { "/users?q=a\tb", "/users\r\nSet-Cookie: x=y", "/users?q=%zz", "http://evil.example/" }) {
            Response withNext = given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, form.getCookie(Forms.CSRF_COOKIE))
                    .formParam(Forms.CSRF_FIELD, Forms.csrfToken(form.asString())).formParam("username", name)
                    .formParam("password", Api.PASSWORD).formParam("next", bad).post("/login");
            assertThat(withNext.statusCode()).as(bad).isEqualTo(303);
            assertThat(withNext.header("Location")).as(bad).endsWith("/").doesNotContain("evil");
        }
    }
}
