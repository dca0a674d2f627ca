package org.rollcall.user;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A teacher learns nothing about users outside their visibility: the same answer whether or not such a user exists. */
@QuarkusTest
class TeacherProbeTest {

    @Test
    void readingOrChangingAHiddenUserAnswersAsForOneThatDoesNotExist() {
        String teacher = Api.createUser("probe-t", "teacher");
        String hidden = Api.createUser("probe-h", "teacher");
        String nobody = Api.unique("nobody-here");
        for (String path : new String[] { "", "/disable", "/password-reset" }) {
            boolean get = path.isEmpty();
            Response existing = get ? Api.as(teacher).get("/api/users/" + hidden) : Api.as(teacher).post("/api/users/" + hidden + path);
            Response missing = get ? Api.as(teacher).get("/api/users/" + nobody) : Api.as(teacher).post("/api/users/" + nobody + path);
            assertEquals(existing.statusCode(), missing.statusCode(), path);
            assertEquals(403, missing.statusCode(), path);
            assertEquals(existing.jsonPath().getString("detail"), missing.jsonPath().getString("detail"), path);
        }
        Api.asAdmin().get("/api/users/" + nobody).then().statusCode(404);

        String code = Api.createGroup(teacher);
        Response addHidden = Api.as(teacher).body(Map.of("username", hidden)).post("/api/groups/" + code + "/members");
        Response addMissing = Api.as(teacher).body(Map.of("username", nobody)).post("/api/groups/" + code + "/members");
        assertEquals(400, addHidden.statusCode());
        assertEquals(addMissing.statusCode(), addHidden.statusCode());
        assertEquals(addMissing.jsonPath().getString("errors[0].message").replace(nobody, "X"),
                addHidden.jsonPath().getString("errors[0].message").replace(hidden, "X"));
    }

    @Test
    void aClashSaysNothingAboutWhoHoldsTheNameOrEmailAndUniquenessStillHolds() {
        String teacher = Api.createUser("probe-t", "teacher");
        String hidden = Api.createUser("probe-h", "teacher");
        String student = Api.createUser("probe-s", "student");
        Api.asAdmin().body(Map.of("displayName", "Hidden", "email", hidden + "@example.org", "role", "teacher", "version", 0))
                .put("/api/users/" + hidden).then().statusCode(200);
        Api.asAdmin().body(Map.of("displayName", "Seen", "email", student + "@example.org", "role", "student", "version", 0))
                .put("/api/users/" + student).then().statusCode(200);

        for (String taken : new String[] { hidden, student }) {
            Api.as(teacher).body(Map.of("username", taken, "displayName", "Copy", "role", "student"))
                    .post("/api/users").then().statusCode(400)
                    .body("errors[0].field", equalTo("username"))
                    .body("errors[0].message", equalTo("is not available: choose another"));
            Api.as(teacher).body(Map.of("username", Api.unique("probe-n"), "displayName", "Copy", "email", taken + "@example.org",
                    "role", "student")).post("/api/users").then().statusCode(400)
                    .body("errors[0].field", equalTo("email"))
                    .body("errors[0].message", equalTo("cannot be used: give another address or none"));
        }
        Api.asAdmin().body(Map.of("username", hidden, "displayName", "Copy", "role", "student"))
                .post("/api/users").then().statusCode(400).body("errors[0].message", equalTo("is already taken"));
    }
}
