package org.rollcall.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 14 item 6: a client that retries a create with the same Idempotency-Key gets the first answer, not "already taken". */
@QuarkusTest
class IdempotencyKeyTest {

    private static Map<String, Object> newUser(String username) {
        return Map.of("username", username, "displayName", "Retried " + username, "role", "student");
    }

    @Test
    void aRetriedCreateReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String username = Api.unique("idem");
        Response first = Api.asAdmin().header("Idempotency-Key", key).body(newUser(username)).post("/api/users");
        first.then().statusCode(201);
        Response again = Api.asAdmin().header("Idempotency-Key", key).body(newUser(username)).post("/api/users");
        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("username", equalTo(username));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        // without the key the same request is a second create, refused as before
        Api.asAdmin().body(newUser(username)).post("/api/users").then().statusCode(400).body(org.hamcrest.Matchers.containsString("taken"));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        Api.asAdmin().header("Idempotency-Key", key).body(newUser(Api.unique("idem-a"))).post("/api/users").then().statusCode(201);
        Api.asAdmin().header("Idempotency-Key", key).body(newUser(Api.unique("idem-b"))).post("/api/users").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("different request"));
    }

    @Test
    void keysArePerCallerAndAFailedCallIsNotRemembered() {
        String key = UUID.randomUUID().toString();
        String teacher = Api.createUser("idem-t", "teacher");
        String code = ("ID" + Api.unique("").replace("-", "")).toUpperCase();
        Map<String, Object> group = Map.of("code", code, "name", "Idempotent class", "term", "2025-26");
        Api.as(teacher).header("Idempotency-Key", key).body(Map.of("code", "", "name", "", "term", "")).post("/api/groups").then().statusCode(400);
        Api.as(teacher).header("Idempotency-Key", key).body(group).post("/api/groups").then().statusCode(201);
        Api.as(teacher).header("Idempotency-Key", key).body(group).post("/api/groups").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        // another caller's same key is another request: this one is a real create, refused as a duplicate code
        Api.asAdmin().header("Idempotency-Key", key).body(group).post("/api/groups").then().statusCode(400);
        String student = Api.createUser("idem-s", "student");
        Response member = Api.as(teacher).header("Idempotency-Key", key + "-m").body(Map.of("username", student)).post("/api/groups/" + code + "/members");
        member.then().statusCode(201);
        Api.as(teacher).header("Idempotency-Key", key + "-m").body(Map.of("username", student)).post("/api/groups/" + code + "/members")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        Api.asAdmin().header("Idempotency-Key", "x".repeat(256)).body(newUser(Api.unique("idem-long"))).post("/api/users")
                .then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().header("Idempotency-Key", "has space").body(newUser(Api.unique("idem-sp"))).post("/api/users")
                .then().statusCode(400);
    }
}
