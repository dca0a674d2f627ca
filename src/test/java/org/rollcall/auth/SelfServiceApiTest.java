package org.rollcall.auth;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

/** What every user does on their own account through the API: their name and email, their tokens. */
@QuarkusTest
class SelfServiceApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStudentChangesTheirNameAndEmailNormalisedAsOnTheUserFormAndAudited() {
        String student = Api.createUser("self-stu", "student");
        String email = student + "@Example.ORG";
        Api.as(student).body(Map.of("displayName", "  Zoë Ωmega 🎉  ", "email", "  " + email + " ")).put("/api/me")
                .then().statusCode(200)
                .body("username", equalTo(student))
                .body("displayName", equalTo("Zoë Ωmega 🎉"))
                .body("email", equalTo(email.toLowerCase()))
                .body("role", equalTo("student"));
        Api.as(student).get("/api/me").then().body("displayName", equalTo("Zoë Ωmega 🎉"));
        Api.asAdmin().queryParam("target", student).queryParam("action", "user.update").get("/api/audit").then().statusCode(200)
                .body("items.actor", contains(student))
                .body("items.details", contains("displayName: Test " + student + " -> Zoë Ωmega 🎉; email changed"));

        // an empty email removes it
        Api.as(student).body(Map.of("displayName", "Zoë", "email", "")).put("/api/me").then().statusCode(200)
                .body("email", nullValue());
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndChangesNothing() {
        String student = Api.createUser("self-stu", "student");
        Api.as(student).body(Map.of("displayName", "   ", "email", "not an address")).put("/api/me").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("email"));
        Api.as(student).body(Map.of("displayName", "x".repeat(201))).put("/api/me").then().statusCode(400)
                .body("errors.field", contains("displayName"));
        Api.as(student).body("").put("/api/me").then().statusCode(400);
        // the API takes name and email only: a role (or anything else) in the body is refused, not ignored
        Api.as(student).body(Map.of("displayName", "Boss", "role", "admin")).put("/api/me").then().statusCode(400);
        Api.as(student).get("/api/me").then().body("displayName", equalTo("Test " + student)).body("role", equalTo("student"));
    }

    @Test
    void anEmailSomeoneElseHasCannotBeTakenButOnesOwnCanBeSavedAgain() {
        String holder = Api.createUser("self-hold", "teacher");
        String student = Api.createUser("self-stu", "student");
        Api.as(holder).body(Map.of("displayName", "Holder", "email", holder + "@example.org")).put("/api/me").then().statusCode(200);

        Api.as(student).body(Map.of("displayName", "Me", "email", holder.toUpperCase() + "@example.org")).put("/api/me")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("cannot be used: give another address or none"));
        Api.as(holder).body(Map.of("displayName", "Holder again", "email", holder + "@example.org")).put("/api/me")
                .then().statusCode(200).body("displayName", equalTo("Holder again"));
    }

    @Test
    void aTokenWithAnExpiryWorksUntilThenAndIsRefusedAfter() {
        String student = Api.createUser("self-tok", "student");
        clock.stop();
        String expiresAt = clock.instant().plus(Duration.ofHours(1)).toString();
        var created = Api.as(student, Api.PASSWORD).body(Map.of("name", "one-off script", "expiresAt", expiresAt))
                .post("/api/me/tokens").then().statusCode(201)
                .body("expiresAt", notNullValue())
                .extract();
        String token = created.path("token");
        int id = created.path("id");

        Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
        clock.advance(Duration.ofMinutes(61));
        Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        Api.as(student, Api.PASSWORD).get("/api/me/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.expired", equalTo(true))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue());
    }

    @Test
    void anExpiryInThePastIsRefused() {
        String student = Api.createUser("self-tok", "student");
        Map<String, Object> body = new HashMap<>(Map.of("name", "too late", "expiresAt", "2020-01-01T00:00:00Z"));
        Api.as(student, Api.PASSWORD).body(body).post("/api/me/tokens").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        Api.as(student, Api.PASSWORD).body(Map.of("name", "forever")).post("/api/me/tokens").then().statusCode(201)
                .body("expiresAt", nullValue());
    }

    @Test
    void aRevokedTokenIsRefusedAndOnlyItsOwnerCanRevokeIt() {
        String student = Api.createUser("self-tok", "student");
        String other = Api.createUser("self-tok", "student");
        var created = Api.as(student, Api.PASSWORD).body(Map.of("name", "to revoke")).post("/api/me/tokens").then().statusCode(201).extract();
        String token = created.path("token");
        int id = created.path("id");

        Api.as(other).delete("/api/me/tokens/" + id).then().statusCode(404);
        Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
        Api.as(student, Api.PASSWORD).delete("/api/me/tokens/" + id).then().statusCode(204);
        Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        Api.as(student, Api.PASSWORD).delete("/api/me/tokens/" + id).then().statusCode(404);
    }
}
