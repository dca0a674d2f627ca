package org.rollcall.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** "Sign out everywhere": on My profile, on a user's page for admins, and in the API. */
@QuarkusTest
class SignOutEverywhereTest {

    private static Response postForm(String session, String page, String action) {
        Response shown = given().cookie(Sessions.COOKIE, session).get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.asString()).contains("action=\"" + action + "\"");
        return given().redirects().follow(false).cookie(Sessions.COOKIE, session).cookie(Forms.CSRF_COOKIE, shown.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(shown.asString())).post(action);
    }

    @Test
    void myProfileEndsEveryOneOfMySessions() {
        String name = Api.createUser("everywhere", "student");
        String here = SessionEndTest.login(name, Api.PASSWORD);
        String there = SessionEndTest.login(name, Api.PASSWORD);
        Response out = postForm(here, "/me", "/me/sessions/end");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login?loggedOut=1");
        assertThat(SessionEndTest.me(here)).isEqualTo(401);
        assertThat(SessionEndTest.me(there)).isEqualTo(401);
        assertThat(SessionEndTest.me(SessionEndTest.login(name, Api.PASSWORD))).isEqualTo(200);
    }

    @Test
    void anAdminEndsAUsersSessionsFromTheirPageATeacherCannot() {
        String student = Api.createUser("everywhere-s", "student");
        String studentSession = SessionEndTest.login(student, Api.PASSWORD);
        String teacher = Api.createUser("everywhere-t", "teacher");
        String teacherSession = SessionEndTest.login(teacher, Api.PASSWORD);
        Response teacherPage = given().cookie(Sessions.COOKIE, teacherSession).get("/users/" + student);
        assertThat(teacherPage.asString()).doesNotContain("/sessions/end");
        given().redirects().follow(false).cookie(Sessions.COOKIE, teacherSession).cookie(Forms.CSRF_COOKIE, teacherPage.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(teacherPage.asString()))
                .post("/admin/users/" + student + "/sessions/end").then().statusCode(403);
        assertThat(SessionEndTest.me(studentSession)).isEqualTo(200);

        String admin = SessionEndTest.login(Api.ADMIN, Api.ADMIN_PASSWORD);
        Response out = postForm(admin, "/users/" + student, "/admin/users/" + student + "/sessions/end");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(SessionEndTest.me(studentSession)).isEqualTo(401);
        assertThat(SessionEndTest.me(admin)).as("the admin's own session goes on").isEqualTo(200);
        Api.asAdmin().queryParam("action", "user.sessions-end").queryParam("target", student).get("/api/audit").then().statusCode(200)
                .body("items[0].actor", org.hamcrest.Matchers.equalTo(Api.ADMIN));
    }

    @Test
    void theApiEndsMySessionsButNotMyTokens() {
        String name = Api.createUser("everywhere-api", "teacher");
        String session = SessionEndTest.login(name, Api.PASSWORD);
        Api.as(name).get("/api/me").then().statusCode(200);
        given().cookie(Sessions.COOKIE, session).delete("/api/me/sessions").then().statusCode(204);
        assertThat(SessionEndTest.me(session)).isEqualTo(401);
        Api.as(name).get("/api/me").then().statusCode(200);
        Api.anonymous().delete("/api/me/sessions").then().statusCode(401);
    }
}
