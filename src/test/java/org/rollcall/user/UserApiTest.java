package org.rollcall.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UserApiTest {

    @Test
    void createdUserIsReturnedNormalisedAndWithoutAnyPassword() {
        String username = Api.unique("Mixed.Case_");
        Api.asAdmin().body(Map.of("username", username.toUpperCase(), "displayName", "  Zoë Ñúñez 🚀 ", "email", "ZOE@Example.org",
                "role", "student", "password", "first-password-1"))
                .post("/api/users")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/users/" + username))
                .body("username", equalTo(username))
                .body("displayName", equalTo("Zoë Ñúñez 🚀"))
                .body("email", equalTo("zoe@example.org"))
                .body("passwordSet", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        Api.as(username, "first-password-1").get("/api/me").then().statusCode(200).body("username", equalTo(username));
    }

    @Test
    void unicodeNamesRoundTripUnchanged() {
        for (String name : new String[] { "Zoë Ñúñez", "李雷", "Ünïcödé 🚀🎓", "Đorđe Š. O'Brien-Łukasz" }) {
            String username = Api.unique("uni");
            Api.asAdmin().body(Map.of("username", username, "displayName", name, "role", "student")).post("/api/users")
                    .then().statusCode(201);
            Api.asAdmin().get("/api/users/" + username).then().statusCode(200).body("user.displayName", equalTo(name));
        }
    }

    @Test
    void usernamesDifferingOnlyInCaseAreTheSameUser() {
        String username = Api.createUser("dup", "student");
        Api.asAdmin().body(Map.of("username", username.toUpperCase(), "displayName", "Other", "role", "student"))
                .post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("username"));
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingIsCreated() {
        Map<String, Object> body = new HashMap<>();
        body.put("username", "has space");
        body.put("displayName", "");
        body.put("email", "not-an-email");
        body.put("role", "student");
        body.put("password", "short");
        Api.asAdmin().body(body).post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("displayName", "email", "password", "username"));
        Api.asAdmin().queryParam("q", "has space").get("/api/users").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void deletingJohnDoeLeavesJohnAlone() {
        String base = Api.unique("john");
        String dotted = base + ".doe";
        for (String u : new String[] { base, dotted }) {
            Api.asAdmin().body(Map.of("username", u, "displayName", u, "role", "student")).post("/api/users").then().statusCode(201);
        }
        Api.asAdmin().delete("/api/users/" + dotted).then().statusCode(204);
        Api.asAdmin().get("/api/users/" + dotted).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + base).then().statusCode(200).body("user.username", equalTo(base));
        Api.asAdmin().queryParam("q", base).get("/api/users").then().body("items.username", contains(base));
    }

    @Test
    void oneUserIsShownWithTheirClassesLatestTermFirstThenByCode() {
        String student = Api.createUser("terms", "student");
        String tag = Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
        List<String> codes = List.of("B" + tag, "A" + tag, "C" + tag);
        List<String> terms = List.of("2025-26", "2025-26", "2024-25");
        for (int i = 0; i < codes.size(); i++) {
            Api.asAdmin().body(Map.of("code", codes.get(i), "name", "Class " + codes.get(i), "term", terms.get(i)))
                    .post("/api/groups").then().statusCode(201);
            Api.addMember(codes.get(i), student, "student");
        }
        Api.asAdmin().get("/api/users/" + student.toUpperCase()).then().statusCode(200)
                .body("user.username", equalTo(student))
                .body("user.role", equalTo("student"))
                .body("user.enabled", equalTo(true))
                .body("user.passwordSet", equalTo(true))
                .body("user.version", equalTo(0))
                .body("user.createdAt", not(nullValue()))
                .body("user", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .body("groups.code", contains(codes.get(1), codes.get(0), codes.get(2)))
                .body("groups.term", contains("2025-26", "2025-26", "2024-25"))
                .body("groups.name", contains("Class " + codes.get(1), "Class " + codes.get(0), "Class " + codes.get(2)))
                .body("groups.role", contains("student", "student", "student"));

        String loner = Api.createUser("loner", "student");
        Api.asAdmin().get("/api/users/" + loner).then().statusCode(200)
                .body("user.username", equalTo(loner)).body("user.passwordSet", equalTo(true)).body("groups", hasSize(0));
    }

    @Test
    void anAccountThatTeachesCannotBecomeAStudentUntilItTeachesNoClass() {
        String teacher = Api.createUser("demote", "teacher");
        String first = Api.createGroup(teacher);
        String second = Api.createGroup(teacher);
        Map<String, Object> demote = Map.of("displayName", "Demoted", "role", "student", "version", 0);
        Api.asAdmin().body(demote).put("/api/users/" + teacher).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("role"))
                .body("errors[0].message", containsString(first), "errors[0].message", containsString(second),
                        "errors[0].message", containsString("remove them as teacher"));
        Api.asAdmin().get("/api/users/" + teacher).then().body("user.role", equalTo("teacher"))
                .body("groups.role", contains("teacher", "teacher"));

        Api.asAdmin().body(Map.of("role", "student")).put("/api/groups/" + first + "/members/" + teacher).then().statusCode(200);
        Api.asAdmin().body(demote).put("/api/users/" + teacher).then().statusCode(400)
                .body("errors[0].message", containsString(second), "errors[0].message", not(containsString(first)));
        Api.asAdmin().delete("/api/groups/" + second + "/members/" + teacher).then().statusCode(204);
        Api.asAdmin().body(demote).put("/api/users/" + teacher).then().statusCode(200).body("role", equalTo("student"));
        Api.asAdmin().get("/api/users/" + teacher).then().body("groups.code", contains(first)).body("groups.role", contains("student"));
    }

    @Test
    void staleUpdateIsRefusedAndChangesNothing() {
        String username = Api.createUser("stale", "student");
        Map<String, Object> first = Map.of("displayName", "First edit", "role", "student", "version", 0);
        Map<String, Object> second = Map.of("displayName", "Second edit", "role", "student", "version", 0);
        Api.asAdmin().body(first).put("/api/users/" + username).then().statusCode(200).body("version", equalTo(1));
        Api.asAdmin().body(second).put("/api/users/" + username).then().statusCode(409).contentType("application/problem+json");
        Api.asAdmin().get("/api/users/" + username).then().body("user.displayName", equalTo("First edit"));
    }

    @Test
    void resetPasswordForcesAChangeBeforeAnythingElse() {
        String username = Api.createUser("reset", "student");
        String temporary = Api.asAdmin().post("/api/users/" + username + "/password-reset")
                .then().statusCode(200).body("mustChangePassword", equalTo(true))
                .extract().path("temporaryPassword");
        Api.as(username, Api.PASSWORD).get("/api/me").then().statusCode(401);
        Api.as(username, temporary).get("/api/me/groups").then().statusCode(403).body("title", equalTo("Password change required"));
        Api.as(username, temporary).body(Map.of("currentPassword", temporary, "newPassword", "my-own-password-2"))
                .put("/api/me/password").then().statusCode(204);
        Api.as(username, "my-own-password-2").get("/api/me/groups").then().statusCode(200);
        Api.as(username, "my-own-password-2").get("/api/me").then().body("mustChangePassword", equalTo(false));
    }

    @Test
    void disabledUserCannotAuthenticate() {
        String username = Api.createUser("off", "student");
        Api.as(username).get("/api/me").then().statusCode(200);
        Api.asAdmin().post("/api/users/" + username + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        Api.as(username).get("/api/me").then().statusCode(401);
        Api.asAdmin().post("/api/users/" + username + "/enable").then().statusCode(200);
        Api.as(username).get("/api/me").then().statusCode(200);
    }

    @Test
    void malformedAndMistypedBodiesGet400NotServerErrors() {
        Api.asAdmin().body("{\"username\": \"x\"").post("/api/users").then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().body("{\"username\":\"x\",\"displayName\":\"X\",\"role\":\"wizard\"}").post("/api/users")
                .then().statusCode(400).body("errors.field", contains("role"));
        Api.asAdmin().body("{\"username\":\"x\",\"displayName\":[1],\"role\":\"student\"}").post("/api/users")
                .then().statusCode(400).body("errors.field", contains("displayName"));
        Api.asAdmin().body("{\"username\":\"x\",\"displayName\":\"X\",\"role\":\"student\",\"isAdmin\":true}").post("/api/users")
                .then().statusCode(400).body("errors.field", contains("isAdmin"));
        Api.asAdmin().body(Map.of("username", "x".repeat(65), "displayName", "X", "role", "student")).post("/api/users")
                .then().statusCode(400).body("errors.field", contains("username"));
        Api.asAdmin().queryParam("page", "abc").get("/api/users").then().statusCode(400).body("errors.field", contains("page"));
        Api.asAdmin().queryParam("page", "2000000000").queryParam("size", "200").get("/api/users").then().statusCode(400)
                .body("errors.field", contains("page"));
        Api.asAdmin().queryParam("sort", "password").get("/api/users").then().statusCode(400).body("errors.field", contains("sort"));
    }

    @Test
    void searchFiltersSortsAndPages() {
        String prefix = Api.unique("srch");
        for (int i = 0; i < 5; i++) {
            Api.asAdmin().body(Map.of("username", prefix + "-" + i, "displayName", "Search " + (4 - i), "role", i < 3 ? "student" : "teacher"))
                    .post("/api/users").then().statusCode(201);
        }
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).queryParam("page", 1).get("/api/users")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.username", contains(prefix + "-2", prefix + "-3"));
        Api.asAdmin().queryParam("q", prefix).queryParam("role", "teacher").queryParam("sort", "-name").get("/api/users")
                .then().body("items.username", contains(prefix + "-3", prefix + "-4"));
        Api.asAdmin().queryParam("q", prefix.toUpperCase()).get("/api/users").then().body("total", equalTo(5));
        // a full page with a filter: the total counts the filtered matches only
        Api.asAdmin().queryParam("q", prefix).queryParam("role", "student").queryParam("size", 2).get("/api/users")
                .then().body("total", equalTo(3)).body("items.username", contains(prefix + "-0", prefix + "-1"));
        Api.asAdmin().queryParam("q", "%").get("/api/users").then().body("items.username", not(hasItem(prefix + "-0")));
        Api.asAdmin().get("/api/users/" + prefix + "-0").then().body("user.lastLoginAt", nullValue());
    }

    @Test
    void searchPagesInterleaveUsersMatchedByUsernameNameAndEmail() {
        String prefix = Api.unique("mix");
        // sorted by username: a-..., mix...-b, mix...-d, q-..., x-...; each matches the prefix on one column
        String byName = "a-" + prefix;
        String byEmail = "q-" + prefix;
        String alsoByName = "x-" + prefix;
        Api.asAdmin().body(Map.of("username", byName, "displayName", prefix + " Alpha", "role", "student")).post("/api/users")
                .then().statusCode(201);
        Api.asAdmin().body(Map.of("username", prefix + "-b", "displayName", "Bravo", "role", "teacher")).post("/api/users")
                .then().statusCode(201);
        Api.asAdmin().body(Map.of("username", byEmail, "displayName", "Charlie", "email", prefix + "@example.org", "role", "student"))
                .post("/api/users").then().statusCode(201);
        Api.asAdmin().body(Map.of("username", prefix + "-d", "displayName", "Delta", "role", "student")).post("/api/users")
                .then().statusCode(201);
        Api.asAdmin().body(Map.of("username", alsoByName, "displayName", prefix + " Echo", "role", "teacher")).post("/api/users")
                .then().statusCode(201);

        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).get("/api/users")
                .then().body("total", equalTo(5)).body("items.username", contains(byName, prefix + "-b"));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).queryParam("page", 1).get("/api/users")
                .then().body("total", equalTo(5)).body("items.username", contains(prefix + "-d", byEmail));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).queryParam("page", 2).get("/api/users")
                .then().body("total", equalTo(5)).body("items.username", contains(alsoByName));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).queryParam("sort", "-username").get("/api/users")
                .then().body("items.username", contains(alsoByName, byEmail));
        Api.asAdmin().queryParam("q", prefix).queryParam("role", "teacher").queryParam("size", 1).get("/api/users")
                .then().body("total", equalTo(2)).body("items.username", contains(prefix + "-b"));
        // a deep page (beyond the top of each column) is taken from all the matches
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 100).queryParam("page", 2).get("/api/users")
                .then().body("total", equalTo(5)).body("items", hasSize(0));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 1).queryParam("page", 4).get("/api/users")
                .then().body("total", equalTo(5)).body("items.username", contains(alsoByName));
    }

    @Test
    void searchCountsAUserMatchedOnSeveralColumnsOnce() {
        String prefix = Api.unique("dup");
        Api.asAdmin().body(Map.of("username", prefix + "-1", "displayName", prefix + " One", "email", prefix + "-1@example.org",
                "role", "student")).post("/api/users").then().statusCode(201);
        Api.asAdmin().body(Map.of("username", prefix + "-2", "displayName", "Two", "email", prefix + "-2@example.org",
                "role", "student")).post("/api/users").then().statusCode(201);
        Api.asAdmin().body(Map.of("username", "z-" + prefix, "displayName", prefix + " Three", "email", prefix + "-3@example.org",
                "role", "student")).post("/api/users").then().statusCode(201);

        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).get("/api/users")
                .then().body("total", equalTo(3)).body("items.username", contains(prefix + "-1", prefix + "-2"));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 2).queryParam("page", 1).get("/api/users")
                .then().body("total", equalTo(3)).body("items.username", contains("z-" + prefix));
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 1).queryParam("page", 3).get("/api/users")
                .then().body("total", equalTo(3)).body("items", hasSize(0));
    }

    @Test
    void deepSearchPagesBeyondTheTopOfEachColumnKeepOrderAndFilters() {
        String prefix = Api.unique("deep");
        List<String> all = new ArrayList<>();
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 210; i++) {   // more than two pages of 100
            String username = String.format("%s-%03d", prefix, i);
            String role = i % 3 == 0 ? "teacher" : "student";
            Api.asAdmin().body(Map.of("username", username, "displayName", "Deep " + i, "role", role)).post("/api/users")
                    .then().statusCode(201);
            all.add(username);
            if (role.equals("student")) {
                students.add(username);
            }
        }
        Api.asAdmin().queryParam("q", prefix).queryParam("size", 100).queryParam("page", 2).get("/api/users")
                .then().body("total", equalTo(210)).body("items.username", contains(all.subList(200, 210).toArray()));
        // offset 101 + size 101 reaches past the top 200: the page comes from all the filtered matches
        Api.asAdmin().queryParam("q", prefix).queryParam("role", "student").queryParam("size", 101).queryParam("page", 1)
                .get("/api/users")
                .then().body("total", equalTo(140)).body("items.username", contains(students.subList(101, 140).toArray()));
        Api.asAdmin().queryParam("q", prefix).queryParam("sort", "-username").queryParam("size", 150).queryParam("page", 1)
                .get("/api/users")
                .then().body("total", equalTo(210)).body("items.username", contains(reversed(all).subList(150, 210).toArray()));
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
