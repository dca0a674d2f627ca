package org.rollcall.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An admin locked self-editing for students (ROLLCALL_SELF_EDIT_LOCKED_ROLES=student): teachers still may. */
@QuarkusTest
@TestProfile(SelfEditLockTest.StudentsLocked.class)
class SelfEditLockTest {

    public static class StudentsLocked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollcall.self-edit.locked-roles", "student");
        }
    }

    @Test
    void aLockedStudentIsRefusedByTheApiAndNotOfferedTheForm() {
        String student = Api.createUser("lock-stu", "student");
        Api.as(student).body(Map.of("displayName", "New name")).put("/api/me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("ask a teacher or an admin"));
        Api.as(student).get("/api/me").then().body("displayName", equalTo("Test " + student));

        var page = given().accept("text/html").auth().preemptive().basic(student, Api.PASSWORD).get("/me");
        page.then().statusCode(200)
                .body(not(containsString("id=\"profile-form\"")))
                .body(containsString("id=\"profile-locked\""))
                .body(containsString("Test " + student));
        // the form posted anyway changes nothing
        given().accept("text/html").redirects().follow(false).auth().preemptive().basic(student, Api.PASSWORD)
                .cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("displayName", "New name")
                .post("/me").then().statusCode(403);
        Api.as(student).get("/api/me").then().body("displayName", equalTo("Test " + student));
    }

    @Test
    void aTeacherIsNotLocked() {
        String teacher = Api.createUser("lock-tea", "teacher");
        Api.as(teacher).body(Map.of("displayName", "Ms Teacher")).put("/api/me").then().statusCode(200)
                .body("displayName", equalTo("Ms Teacher"));
    }
}
