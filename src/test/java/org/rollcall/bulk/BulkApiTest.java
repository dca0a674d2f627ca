package org.rollcall.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Sessions;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** POST /api/users/bulk: each selected user decided on their own, with the permissions matrix and an audit event per change. */
@QuarkusTest
class BulkApiTest {

    private static Map<String, Object> named(String action, List<String> usernames) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("usernames", usernames);
        return body;
    }

    private static JsonPath bulk(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/users/bulk").then().statusCode(200).extract().jsonPath();
    }

    private static String outcome(JsonPath result, String username) {
        return result.getString("outcomes.find { it.username == '" + username + "' }.outcome");
    }

    private static String reason(JsonPath result, String username) {
        return result.getString("outcomes.find { it.username == '" + username + "' }.reason");
    }

    private static boolean enabled(String username) {
        return Api.asAdmin().get("/api/users/" + username).then().statusCode(200).extract().path("user.enabled");
    }

    @Test
    void aTeacherDisablesTheirStudentsAndIsRefusedTheTeacherInTheSelection() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String otherTeacher = Api.createUser("bk-other", "teacher");
        String a = Api.createUser("bk-a", "student");
        String b = Api.createUser("bk-b", "student");
        Api.asAdmin().post("/api/users/" + b + "/disable").then().statusCode(200);

        JsonPath result = bulk(Api.as(teacher), named("disable", List.of(a, b, otherTeacher, "bk-nobody-" + a)));

        assertThat(outcome(result, a)).isEqualTo("done");
        assertThat(outcome(result, b)).isEqualTo("unchanged");
        assertThat(outcome(result, otherTeacher)).isEqualTo("refused");
        assertThat(reason(result, otherTeacher)).isEqualTo("You can see students and the members of your own classes only.");
        // a teacher cannot tell a user who does not exist from one they may not see
        assertThat(outcome(result, "bk-nobody-" + a)).isEqualTo("refused");
        assertThat(reason(result, "bk-nobody-" + a)).isEqualTo(reason(result, otherTeacher));
        assertThat(result.getInt("counts.done")).isEqualTo(1);
        assertThat(enabled(a)).isFalse();
        assertThat(enabled(otherTeacher)).isTrue();
        Api.asAdmin().queryParam("action", "user.disable").queryParam("target", a).get("/api/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].actor", equalTo(teacher));
        Api.asAdmin().queryParam("action", "user.disable").queryParam("target", otherTeacher).get("/api/audit").then()
                .body("total", equalTo(0));
    }

    @Test
    void aTeacherSeesTheTeacherOfTheirOwnClassButMayNotChangeThem() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String colleague = Api.createUser("bk-colleague", "teacher");
        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        JsonPath result = bulk(Api.as(teacher), named("reset-passwords", List.of(colleague)));
        assertThat(outcome(result, colleague)).isEqualTo("refused");
        assertThat(reason(result, colleague)).isEqualTo("Teachers can change students only.");
    }

    @Test
    void enableAnAdminsNotFoundAndOneAuditEventPerChangedUser() {
        String a = Api.createUser("bk-en", "student");
        String b = Api.createUser("bk-en", "teacher");
        bulk(Api.asAdmin(), named("disable", List.of(a, b)));
        JsonPath result = bulk(Api.asAdmin(), named("enable", List.of(a, b, "bk-ghost-" + a)));
        assertThat(result.getMap("counts")).containsEntry("done", 2).containsEntry("not-found", 1);
        assertThat(enabled(a)).isTrue();
        assertThat(enabled(b)).isTrue();
        for (String u : List.of(a, b)) {
            Api.asAdmin().queryParam("action", "user.enable").queryParam("target", u).get("/api/audit").then().body("total", equalTo(1));
        }
    }

    @Test
    void aBulkDisableEndsEachUsersSessionsAndMovesTheirVersionAndAnAdminIsRefusedOnlyThemselves() {
        String a = Api.createUser("bk-off", "student");
        String b = Api.createUser("bk-off", "student");
        String admin = Api.createUser("bk-off-admin", "admin");
        String sessionA = login(a);
        String sessionB = login(b);
        long versionA = Api.asAdmin().get("/api/users/" + a).then().extract().jsonPath().getLong("user.version");

        JsonPath result = bulk(Api.as(admin), named("disable", List.of(a, admin, b)));

        assertThat(outcome(result, a)).isEqualTo("done");
        assertThat(outcome(result, b)).isEqualTo("done");
        assertThat(outcome(result, admin)).isEqualTo("refused");
        assertThat(reason(result, admin)).isEqualTo("You cannot disable your own account.");
        assertThat(enabled(a)).isFalse();
        assertThat(enabled(b)).isFalse();
        assertThat(enabled(admin)).isTrue();
        assertThat(me(sessionA)).as("a disabled student's session").isEqualTo(401);
        assertThat(me(sessionB)).as("a disabled student's session").isEqualTo(401);
        // an edit made from the page as it was before the bulk disable is refused, not silently re-enabling
        Api.asAdmin().get("/api/users/" + a).then().body("user.version", equalTo((int) versionA + 1));
        Api.asAdmin().body(Map.of("displayName", "Stale", "role", "student", "version", versionA)).put("/api/users/" + a).then()
                .statusCode(409);

        bulk(Api.asAdmin(), named("enable", List.of(a, b)));
        assertThat(me(sessionA)).as("enabled again: the old session stays ended").isEqualTo(401);
        assertThat(me(login(a))).isEqualTo(200);
    }

    private static String login(String username) {
        Response login = FormLogin.post(username, Api.PASSWORD, null);
        assertThat(login.statusCode()).as("login of " + username).isEqualTo(303);
        return login.getCookie(Sessions.COOKIE);
    }

    private static int me(String session) {
        return given().cookie(Sessions.COOKIE, session).accept("application/json").get("/api/me").statusCode();
    }

    @Test
    void resetPasswordsAnswersEachOneTimePasswordOnceAndItMustBeChanged() {
        String a = Api.createUser("bk-reset", "student");
        JsonPath result = bulk(Api.asAdmin(), named("reset-passwords", List.of(a)));
        String password = result.getString("outcomes[0].oneTimePassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(8).doesNotContainPattern("[0O1lI]");
        Api.as(a, password).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        Api.asAdmin().queryParam("action", "user.password-reset").queryParam("target", a).get("/api/audit").then()
                .body("total", equalTo(1)).body("items[0].details", org.hamcrest.Matchers.not(containsString(password)));
    }

    @Test
    void addToAndRemoveFromAClassWithRoleInClass() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String code = Api.createGroup(teacher);
        String a = Api.createUser("bk-add", "student");
        String b = Api.createUser("bk-add", "student");
        Map<String, Object> add = named("add-to-class", List.of(a, b));
        add.put("classCode", code.toLowerCase());
        add.put("classRole", "student");
        JsonPath added = bulk(Api.as(teacher), add);
        assertThat(added.getInt("counts.done")).isEqualTo(2);
        assertThat(outcome(bulk(Api.as(teacher), add), a)).isEqualTo("unchanged");
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("username", org.hamcrest.Matchers.hasItems(a, b));
        Api.asAdmin().queryParam("action", "membership.add").queryParam("target", code + "/" + a).get("/api/audit").then()
                .body("total", equalTo(1));

        Map<String, Object> teach = named("add-to-class", List.of(a));
        teach.put("classCode", code);
        teach.put("classRole", "teacher");
        Api.asAdmin().body(Map.of("action", "remove-from-class", "usernames", List.of(a), "classCode", code))
                .post("/api/users/bulk").then().statusCode(200).body("counts.done", equalTo(1));
        JsonPath teaching = bulk(Api.as(teacher), teach);
        assertThat(reason(teaching, a)).isEqualTo("role: a student cannot teach a class");

        Map<String, Object> remove = named("remove-from-class", List.of(a, b));
        remove.put("classCode", code);
        JsonPath removed = bulk(Api.as(teacher), remove);
        assertThat(outcome(removed, a)).isEqualTo("unchanged");
        assertThat(outcome(removed, b)).isEqualTo("done");
    }

    @Test
    void aTeacherCannotUseAClassTheyDoNotTeach() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String other = Api.createGroup(null);
        Map<String, Object> add = named("add-to-class", List.of(Api.createUser("bk-x", "student")));
        add.put("classCode", other);
        Api.as(teacher).body(add).post("/api/users/bulk").then().statusCode(403);
    }

    @Test
    void changeRoleAndDeleteAreForAdminsOnly() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String a = Api.createUser("bk-role", "student");
        Api.as(teacher).body(Map.of("action", "delete", "usernames", List.of(a))).post("/api/users/bulk").then().statusCode(403)
                .body("detail", equalTo("Only an admin can delete users."));
        Api.as(teacher).body(Map.of("action", "change-role", "usernames", List.of(a), "role", "teacher")).post("/api/users/bulk")
                .then().statusCode(403);

        JsonPath promoted = bulk(Api.asAdmin(), new HashMap<>(Map.of("action", "change-role", "usernames", List.of(a), "role", "teacher")));
        assertThat(outcome(promoted, a)).isEqualTo("done");
        Api.asAdmin().get("/api/users/" + a).then().body("user.role", equalTo("teacher"));

        JsonPath deleted = bulk(Api.asAdmin(), named("delete", List.of(a, Api.ADMIN)));
        assertThat(outcome(deleted, a)).isEqualTo("done");
        assertThat(outcome(deleted, Api.ADMIN)).isEqualTo("refused");
        assertThat(reason(deleted, Api.ADMIN)).isEqualTo("You cannot delete your own account.");
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);
        Api.asAdmin().queryParam("action", "user.delete").queryParam("target", a).get("/api/audit").then().body("total", equalTo(1));
    }

    @Test
    void aFilterSelectsEveryMatchingUserAcrossPages() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String code = Api.createGroup(teacher);
        List<String> students = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> {
            String s = Api.createUser("bk-filter", "student");
            Api.addMember(code, s, "student");
            students.add(s);
        });
        Map<String, Object> body = new HashMap<>();
        body.put("action", "disable");
        body.put("filter", Map.of("group", code, "role", "student"));
        JsonPath result = bulk(Api.as(teacher), body);
        assertThat(result.getInt("total")).isEqualTo(25);
        assertThat(result.getList("outcomes.username", String.class)).containsExactlyInAnyOrderElementsOf(students);
        assertThat(result.getInt("counts.done")).isEqualTo(25);
        Api.asAdmin().queryParam("group", code).queryParam("enabled", "false").get("/api/users").then().body("total", equalTo(25));
    }

    @Test
    void moreThanTenThousandUsersIsAClearBadRequest() {
        List<String> many = IntStream.rangeClosed(0, BulkService.MAX_USERS).mapToObj(i -> "bk-many-" + i).toList();
        Api.asAdmin().body(named("disable", many)).post("/api/users/bulk").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("usernames"))
                .body("errors[0].message", containsString("at most 10,000 users"));
    }

    @Test
    void malformedRequestsAreBadRequests() {
        Api.asAdmin().body(Map.of("action", "explode", "usernames", List.of("x"))).post("/api/users/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        Api.asAdmin().body(Map.of("action", "disable")).post("/api/users/bulk").then().statusCode(400)
                .body("errors[0].message", equalTo("give either usernames or a filter"));
        Api.asAdmin().body(Map.of("action", "add-to-class", "usernames", List.of("x"))).post("/api/users/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("classCode"));
    }
}
