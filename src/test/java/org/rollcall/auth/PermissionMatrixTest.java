package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every API endpoint against every role of the DESIGN.md matrix: the exact status, and no record
 * in a refusal. Each cell gets fresh targets, so a cell that changes data (delete, disable) cannot
 * influence another.
 */
@QuarkusTest
class PermissionMatrixTest {

    enum Who { ANONYMOUS, STUDENT, TEACHER, ADMIN }

    /** Fresh data for one cell: a student and a teacher to act on, a class the acting teacher teaches and one they do not. */
    record Targets(String student, String otherTeacher, String ownGroup, String otherGroup, String memberOfOwn) {
    }

    record Cell(String endpoint, BiFunction<RequestSpecification, Targets, Response> call, int anonymous, int student, int teacher, int admin) {
        int expected(Who who) {
            return switch (who) {
                case ANONYMOUS -> anonymous;
                case STUDENT -> student;
                case TEACHER -> teacher;
                case ADMIN -> admin;
            };
        }
    }

    private static String student;
    private static String teacher;

    /** Created on first use: REST Assured knows the test port only once a test runs. */
    private static synchronized void actors() {
        if (student == null) {
            student = Api.createUser("mx-student", "student");
            teacher = Api.createUser("mx-teacher", "teacher");
        }
    }

    private static Targets targets() {
        String target = created("mx-target", "student");
        String otherTeacher = created("mx-other-teacher", "teacher");
        String member = created("mx-member", "student");
        String own = Api.createGroup(null);
        Api.addMember(own, teacher, "teacher");
        Api.addMember(own, member, "student");
        String other = Api.createGroup(null);
        Api.addMember(other, otherTeacher, "teacher");
        Api.addMember(other, target, "student");
        return new Targets(target, otherTeacher, own, other, member);
    }

    /** Users without a password: creating them costs no hash. */
    private static String created(String prefix, String role) {
        String username = Api.unique(prefix);
        Api.asAdmin().body(Map.of("username", username, "displayName", "Secret Name " + username, "role", role,
                "email", username + "@example.org")).post("/api/users").then().statusCode(201);
        return username;
    }

    private static Map<String, Object> newUser(String role) {
        return Map.of("username", Api.unique("mx-new"), "displayName", "New", "role", role);
    }

    private static Map<String, Object> newGroup() {
        return Map.of("code", ("MX" + Api.unique("")).toUpperCase().replace("-", ""), "name", "New class", "term", "2025-26");
    }

    private static final List<Cell> CELLS = cells();

    private static List<Cell> cells() {
        Map<String, Object> edit = Map.of("displayName", "Edited", "role", "student", "version", 0);
        Map<String, Object> editTeacher = Map.of("displayName", "Edited", "role", "teacher", "version", 0);
        List<Cell> cells = new ArrayList<>();
        // users
        cells.add(new Cell("GET /api/users", (r, t) -> r.get("/api/users"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users (student)", (r, t) -> r.body(newUser("student")).post("/api/users"), 401, 403, 201, 201));
        cells.add(new Cell("POST /api/users (teacher)", (r, t) -> r.body(newUser("teacher")).post("/api/users"), 401, 403, 403, 201));
        cells.add(new Cell("GET /api/users/{student}", (r, t) -> r.get("/api/users/" + t.student()), 401, 403, 200, 200));
        cells.add(new Cell("GET /api/users/{member of own class}", (r, t) -> r.get("/api/users/" + t.memberOfOwn()), 401, 403, 200, 200));
        cells.add(new Cell("GET /api/users/{other teacher}", (r, t) -> r.get("/api/users/" + t.otherTeacher()), 401, 403, 403, 200));
        cells.add(new Cell("PUT /api/users/{student}", (r, t) -> r.body(edit).put("/api/users/" + t.student()), 401, 403, 200, 200));
        cells.add(new Cell("PUT /api/users/{other teacher}", (r, t) -> r.body(editTeacher).put("/api/users/" + t.otherTeacher()), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/users/{student}/disable", (r, t) -> r.post("/api/users/" + t.student() + "/disable"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users/{other teacher}/disable", (r, t) -> r.post("/api/users/" + t.otherTeacher() + "/disable"), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/users/{student}/enable", (r, t) -> r.post("/api/users/" + t.student() + "/enable"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users/{student}/password-reset", (r, t) -> r.post("/api/users/" + t.student() + "/password-reset"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users/{other teacher}/password-reset", (r, t) -> r.post("/api/users/" + t.otherTeacher() + "/password-reset"), 401, 403, 403, 200));
        cells.add(new Cell("DELETE /api/users/{student}", (r, t) -> r.delete("/api/users/" + t.student()), 401, 403, 403, 204));
        cells.add(new Cell("POST /api/users/import (dry run)", (r, t) -> r.contentType("text/csv").body("username,name\n" + Api.unique("mx-imp") + ",I\n")
                .post("/api/users/import?dryRun=true"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users/import (into a class not taught)", (r, t) -> r.contentType("text/csv")
                .body("username,name\n" + Api.unique("mx-imp") + ",I\n").post("/api/users/import?dryRun=true&class=" + t.otherGroup()), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/users/import (into own class)", (r, t) -> r.contentType("text/csv")
                .body("username,name\n" + Api.unique("mx-imp") + ",I\n").post("/api/users/import?class=" + t.ownGroup()), 401, 403, 200, 200));
        // classes
        cells.add(new Cell("GET /api/groups", (r, t) -> r.get("/api/groups"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/groups", (r, t) -> r.body(newGroup()).post("/api/groups"), 401, 403, 201, 201));
        cells.add(new Cell("GET /api/groups/{own}", (r, t) -> r.get("/api/groups/" + t.ownGroup()), 401, 403, 200, 200));
        cells.add(new Cell("GET /api/groups/{other}", (r, t) -> r.get("/api/groups/" + t.otherGroup()), 401, 403, 403, 200));
        cells.add(new Cell("PUT /api/groups/{own}", (r, t) -> r.body(Map.of("code", t.ownGroup(), "name", "Renamed", "term", "2026-27", "version", 0))
                .put("/api/groups/" + t.ownGroup()), 401, 403, 200, 200));
        cells.add(new Cell("PUT /api/groups/{other}", (r, t) -> r.body(Map.of("code", t.otherGroup(), "name", "Renamed", "term", "2026-27", "version", 0))
                .put("/api/groups/" + t.otherGroup()), 401, 403, 403, 200));
        cells.add(new Cell("DELETE /api/groups/{own}", (r, t) -> r.delete("/api/groups/" + t.ownGroup()), 401, 403, 204, 204));
        cells.add(new Cell("DELETE /api/groups/{other}", (r, t) -> r.delete("/api/groups/" + t.otherGroup()), 401, 403, 403, 204));
        cells.add(new Cell("GET /api/groups/{own}/members", (r, t) -> r.get("/api/groups/" + t.ownGroup() + "/members"), 401, 403, 200, 200));
        cells.add(new Cell("GET /api/groups/{other}/members", (r, t) -> r.get("/api/groups/" + t.otherGroup() + "/members"), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/groups/{own}/members", (r, t) -> r.body(Map.of("username", t.student())).post("/api/groups/" + t.ownGroup() + "/members"), 401, 403, 201, 201));
        cells.add(new Cell("POST /api/groups/{other}/members", (r, t) -> r.body(Map.of("username", t.memberOfOwn())).post("/api/groups/" + t.otherGroup() + "/members"), 401, 403, 403, 201));
        cells.add(new Cell("PUT /api/groups/{own}/members/{member}", (r, t) -> r.body(Map.of("role", "student")).put("/api/groups/" + t.ownGroup() + "/members/" + t.memberOfOwn()), 401, 403, 200, 200));
        cells.add(new Cell("PUT /api/groups/{other}/members/{member}", (r, t) -> r.body(Map.of("role", "student")).put("/api/groups/" + t.otherGroup() + "/members/" + t.student()), 401, 403, 403, 200));
        cells.add(new Cell("DELETE /api/groups/{own}/members/{member}", (r, t) -> r.delete("/api/groups/" + t.ownGroup() + "/members/" + t.memberOfOwn()), 401, 403, 204, 204));
        cells.add(new Cell("DELETE /api/groups/{other}/members/{member}", (r, t) -> r.delete("/api/groups/" + t.otherGroup() + "/members/" + t.student()), 401, 403, 403, 204));
        // bulk actions, CSV exports and OneRoster
        cells.add(new Cell("POST /api/users/bulk (disable a student)", (r, t) -> r.body(Map.of("action", "disable", "usernames",
                List.of(t.student()))).post("/api/users/bulk"), 401, 403, 200, 200));
        cells.add(new Cell("POST /api/users/bulk (delete)", (r, t) -> r.body(Map.of("action", "delete", "usernames", List.of(t.student())))
                .post("/api/users/bulk"), 401, 403, 403, 200));
        cells.add(new Cell("GET /api/users (CSV)", (r, t) -> r.accept("text/csv").get("/api/users"), 401, 403, 200, 200));
        cells.add(new Cell("GET /api/groups/{own}/members (CSV)", (r, t) -> r.accept("text/csv").get("/api/groups/" + t.ownGroup() + "/members"),
                401, 403, 200, 200));
        cells.add(new Cell("GET /api/groups/{other}/members (CSV)", (r, t) -> r.accept("text/csv").get("/api/groups/" + t.otherGroup() + "/members"),
                401, 403, 403, 200));
        cells.add(new Cell("GET /api/oneroster/export", (r, t) -> r.accept("application/zip").get("/api/oneroster/export"), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/oneroster/import (no manifest)", (r, t) -> r.contentType("application/zip").body(new byte[] { 'P', 'K', 5, 6,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }).post("/api/oneroster/import?dryRun=true"), 401, 403, 403, 400));
        // me
        cells.add(new Cell("GET /api/me", (r, t) -> r.get("/api/me"), 401, 200, 200, 200));
        cells.add(new Cell("PUT /api/me (blank name)", (r, t) -> r.body(Map.of("displayName", " ")).put("/api/me"), 401, 400, 400, 400));
        cells.add(new Cell("GET /api/me/groups", (r, t) -> r.get("/api/me/groups"), 401, 200, 200, 200));
        cells.add(new Cell("GET /api/me/tokens", (r, t) -> r.get("/api/me/tokens"), 401, 200, 200, 200));
        cells.add(new Cell("POST /api/me/tokens", (r, t) -> r.body(Map.of("name", "script")).post("/api/me/tokens"), 401, 201, 201, 201));
        cells.add(new Cell("PUT /api/me/password (wrong current)", (r, t) -> r.body(Map.of("currentPassword", "wrong-password", "newPassword", "another-pass-9"))
                .put("/api/me/password"), 401, 400, 400, 400));
        cells.add(new Cell("DELETE /api/me/tokens/{someone else's}", (r, t) -> r.delete("/api/me/tokens/999999999"), 401, 404, 404, 404));
        cells.add(new Cell("DELETE /api/me/sessions", (r, t) -> r.delete("/api/me/sessions"), 401, 204, 204, 204));
        // admin only: backups (the POST is invalid, so no backup is made) and the audit log
        cells.add(new Cell("GET /api/backups", (r, t) -> r.get("/api/backups"), 401, 403, 403, 200));
        cells.add(new Cell("POST /api/backups (name too long)", (r, t) -> r.body(Map.of("name", "x".repeat(65))).post("/api/backups"), 401, 403, 403, 400));
        cells.add(new Cell("GET /api/backups/{unknown}", (r, t) -> r.get("/api/backups/mx-unknown"), 401, 403, 403, 404));
        cells.add(new Cell("DELETE /api/backups/{unknown}", (r, t) -> r.delete("/api/backups/mx-unknown"), 401, 403, 403, 404));
        cells.add(new Cell("GET /api/backups/{unknown}/download", (r, t) -> r.accept("application/zip").get("/api/backups/mx-unknown/download"), 401, 403, 403, 404));
        cells.add(new Cell("GET /api/audit", (r, t) -> r.get("/api/audit"), 401, 403, 403, 200));
        return cells;
    }

    private static RequestSpecification spec(Who who) {
        return switch (who) {
            case ANONYMOUS -> Api.anonymous();
            case STUDENT -> Api.as(student);
            case TEACHER -> Api.as(teacher);
            case ADMIN -> Api.asAdmin();
        };
    }

    /** An endpoint the OpenAPI document lists and no cell above calls fails here: the matrix stays exhaustive. */
    @Test
    void everyDocumentedEndpointIsInTheMatrix() {
        Map<String, Map<String, Object>> paths = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> inMatrix = CELLS.stream().map(c -> shape(c.endpoint())).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch").contains(m))
                .map(m -> shape(m.toUpperCase() + " " + path))
                .filter(endpoint -> !inMatrix.contains(endpoint))
                .forEach(missing::add));
        assertThat(missing).as("endpoints in the OpenAPI document without a row in the matrix").isEmpty();
    }

    /** "GET /api/users/{student}" and "GET /api/users/{username}" are the same endpoint; a "(variant)" note is dropped. */
    private static String shape(String endpoint) {
        return endpoint.replaceAll(" \\(.*\\)$", "").replaceAll("\\{[^}]*}", "{}");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Who who : Who.values()) {
            for (Cell cell : CELLS) {
                tests.add(DynamicTest.dynamicTest(cell.endpoint() + " as " + who.name().toLowerCase(), () -> {
                    actors();
                    Targets t = targets();
                    Response response = cell.call().apply(spec(who), t);
                    assertThat(response.statusCode()).as(cell.endpoint() + " as " + who + ": " + response.asString())
                            .isEqualTo(cell.expected(who));
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        Map<String, Object> problem = new java.util.HashMap<>(response.jsonPath().getMap("$"));
                        assertThat(problem.remove("instance")).as("instance is the request's own path").isNotNull();
                        String body = problem.toString();
                        for (String secret : List.of(t.student(), t.otherTeacher(), t.memberOfOwn(), "Secret Name", "@example.org", "items", "$argon2id$", "$2a$")) {
                            assertThat(body).as("refusal body leaks " + secret).doesNotContain(secret);
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }
}
