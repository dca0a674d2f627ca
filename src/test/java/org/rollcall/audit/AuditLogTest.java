package org.rollcall.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class AuditLogTest {

    @Test
    void everyChangeToAUserIsRecordedWithWhoWhatAndWhereButNoSecret() {
        String teacher = Api.createUser("auditor", "teacher");
        String username = Api.unique("subject");
        Api.as(teacher).header("X-Forwarded-For", "203.0.113.9")
                .body(Map.of("username", username, "displayName", "Sub Ject", "email", username + "@example.org",
                        "role", "student", "password", "secret-first-pw"))
                .post("/api/users").then().statusCode(201);
        Api.as(teacher).body(Map.of("displayName", "Sub Renamed", "email", username + "@example.org", "role", "student", "version", 0))
                .put("/api/users/" + username).then().statusCode(200);
        Api.as(teacher).post("/api/users/" + username + "/disable").then().statusCode(200);
        Api.as(teacher).post("/api/users/" + username + "/enable").then().statusCode(200);
        String temporary = Api.as(teacher).body(Map.of()).post("/api/users/" + username + "/password-reset")
                .then().statusCode(200).extract().path("temporaryPassword");
        Api.as(username, temporary).body(Map.of("currentPassword", temporary, "newPassword", "secret-second-pw"))
                .put("/api/me/password").then().statusCode(204);
        Api.asAdmin().delete("/api/users/" + username).then().statusCode(204);

        var log = Api.asAdmin().queryParam("target", username).queryParam("targetType", "user").get("/api/audit")
                .then().statusCode(200)
                .body("total", equalTo(7))
                .body("items.action", contains("user.delete", "user.password-change", "user.password-reset", "user.enable",
                        "user.disable", "user.update", "user.create"))
                .body("items.actor", contains("admin", username, teacher, teacher, teacher, teacher, teacher))
                .body("items[6].remoteAddress", equalTo("203.0.113.9"))
                .body("items[5].remoteAddress", equalTo("127.0.0.1"))
                .body("items[6].details", equalTo("role: student; email set; password set"))
                .body("items[5].details", equalTo("displayName: Sub Ject -> Sub Renamed"))
                .body("items[2].details", equalTo("generated; must change at next login"))
                .extract().asString();
        for (String secret : new String[] { "secret-first-pw", "secret-second-pw", temporary, "$argon2id$", "$2a$", "$2b$" }) {
            assertFalse(log.contains(secret), "the audit log must not contain " + secret);
        }
    }

    @Test
    void classesAndMembershipsAreRecorded() {
        String teacher = Api.createUser("teaches", "teacher");
        String student = Api.createUser("learns", "student");
        String code = Api.createGroup(teacher);
        Api.as(teacher).body(Map.of("username", student)).post("/api/groups/" + code + "/members").then().statusCode(201);
        Api.as(teacher).body(Map.of("role", "student")).put("/api/groups/" + code + "/members/" + student).then().statusCode(200);
        Api.as(teacher).delete("/api/groups/" + code + "/members/" + student).then().statusCode(204);
        Api.as(teacher).body(Map.of("code", code, "name", "Renamed class", "term", "2026-27", "version", 0))
                .put("/api/groups/" + code).then().statusCode(200);
        Api.as(teacher).delete("/api/groups/" + code).then().statusCode(204);

        Api.asAdmin().queryParam("target", code).get("/api/audit").then().statusCode(200)
                .body("items.action", contains("group.delete", "group.update", "membership.remove", "membership.role",
                        "membership.add", "group.create"))
                .body("items.actor", everyItem(equalTo(teacher)))
                .body("items[1].details", equalTo("name: Class " + code + " -> Renamed class; term: 2025-26 -> 2026-27"))
                .body("items[4].target", equalTo(code + "/" + student))
                .body("items[4].targetType", equalTo("membership"))
                .body("items[0].details", containsString("1 memberships removed"));
        // the family filter finds only the membership events
        Api.asAdmin().queryParam("target", code + "/").queryParam("action", "membership").get("/api/audit")
                .then().body("total", equalTo(3));
    }

    @Test
    void aFailedLoginIsRecordedWithoutThePasswordTried() {
        String user = Api.createUser("mistyped", "student");
        Api.as(user, "not-my-password-42").header("X-Forwarded-For", "192.0.2.77").get("/api/me").then().statusCode(401);
        Api.as("no.such.user", "whatever-pw-1").header("X-Forwarded-For", "192.0.2.77").get("/api/me").then().statusCode(401);
        Api.as("pass word!", "x").header("X-Forwarded-For", "192.0.2.77").get("/api/me").then().statusCode(401);
        // behind a proxy that appends (an AWS ALB): the client wrote the first entry, the proxy the last
        Api.as(user, "not-my-password-43").header("X-Forwarded-For", "10.6.6.6, 192.0.2.78").get("/api/me").then().statusCode(401);
        Api.asAdmin().queryParam("address", "192.0.2.78").queryParam("target", user).get("/api/audit").then()
                .body("total", equalTo(1));
        Api.asAdmin().queryParam("address", "10.6.6.6").get("/api/audit").then().body("total", equalTo(0));

        String log = Api.asAdmin().queryParam("address", "192.0.2.77").queryParam("action", "login.failed").get("/api/audit")
                .then().statusCode(200)
                .body("items.target", contains("(not a valid username)", "no.such.user", user))
                .body("items.details", contains("unknown user (basic)", "unknown user (basic)", "wrong password (basic)"))
                .extract().asString();
        assertFalse(log.contains("not-my-password-42"));
        assertFalse(log.contains("pass word!"));
    }

    @Test
    void filtersByDateAndPagesNewestFirst() {
        String code = Api.createGroup(null);
        for (int i = 0; i < 3; i++) {
            Api.addMember(code, Api.createUser("paging", "student"), "student");
        }
        Api.asAdmin().queryParam("target", code + "/").queryParam("size", 2).get("/api/audit").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("page", equalTo(0));
        Api.asAdmin().queryParam("target", code + "/").queryParam("size", 2).queryParam("page", 1).get("/api/audit")
                .then().body("items.size()", equalTo(1));
        Api.asAdmin().queryParam("target", code).queryParam("to", "2000-01-01").get("/api/audit").then().body("total", equalTo(0));
        Api.asAdmin().queryParam("target", code).queryParam("from", "2000-01-01T00:00:00Z").get("/api/audit")
                .then().body("total", equalTo(4));
        Api.asAdmin().queryParam("from", "yesterday").get("/api/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        String teacher = Api.createUser("nosy", "teacher");
        Api.anonymous().get("/api/audit").then().statusCode(401);
        Api.as(teacher).get("/api/audit").then().statusCode(403).body("$", not(org.hamcrest.Matchers.hasKey("items")));
        RestAssured.given().redirects().follow(false).get("/admin/audit").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303))
                .header("Location", containsString("/login"));
        Api.as(teacher).accept("text/html").get("/admin/audit").then().statusCode(403);
    }

    @Test
    void theAuditPageListsAndFiltersEvents() {
        String student = Api.createUser("onpage", "student");
        String page = Api.asAdmin().accept("text/html").queryParam("target", student).queryParam("action", "user")
                .get("/admin/audit").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("user.create") && page.contains(student), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("1 event<"), page);
        Api.asAdmin().accept("text/html").queryParam("from", "soon").get("/admin/audit").then().statusCode(200)
                .body(containsString("from must be a date"));
    }
}
