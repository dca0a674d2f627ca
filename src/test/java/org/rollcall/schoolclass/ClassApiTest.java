package org.rollcall.schoolclass;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ClassApiTest {

    @Test
    void teacherWhoCreatesAClassTeachesItAndSeesItsMembers() {
        String teacher = Api.createUser("gt", "teacher");
        String code = Api.createGroup(teacher);
        String student = Api.createUser("gs", "student");
        Api.as(teacher).body(Map.of("username", student)).post("/api/groups/" + code + "/members")
                .then().statusCode(201).body("role", equalTo("student"));
        Api.as(teacher).get("/api/groups/" + code).then().statusCode(200)
                .body("members.username", containsInAnyOrder(teacher, student))
                .body("members.find { it.username == '" + teacher + "' }.role", equalTo("teacher"));
        Api.as(student).get("/api/me/groups").then().statusCode(200).body("code", contains(code));
        Api.as(teacher).get("/api/groups").then().body("items.code", hasItem(code))
                .body("items.find { it.code == '" + code + "' }.students", equalTo(1));
    }

    @Test
    void membersAreListedTeachersFirstThenByNameAsPeopleReadNumbers() {
        String teacher = Api.createUser("nt", "teacher");
        String code = Api.createGroup(teacher);
        String prefix = Api.unique("pupil");
        for (String n : new String[] {"10", "2", "1"}) {
            Api.asAdmin().body(Map.of("username", prefix + "-" + n, "displayName", "Pupil " + n, "role", "student"))
                    .post("/api/users").then().statusCode(201);
            Api.addMember(code, prefix + "-" + n, "student");
        }
        Api.as(teacher).get("/api/groups/" + code).then().statusCode(200)
                .body("members.username", contains(teacher, prefix + "-1", prefix + "-2", prefix + "-10"));
    }

    @Test
    void codesAreUniqueCaseInsensitivelyAndValidated() {
        String code = Api.createGroup(null);
        Api.asAdmin().body(Map.of("code", code.toLowerCase(), "name", "Again", "term", "2025-26")).post("/api/groups")
                .then().statusCode(400).body("errors.field", contains("code"));
        Api.asAdmin().body(Map.of("code", "bad code!", "name", "", "term", "2025-26")).post("/api/groups")
                .then().statusCode(400).body("errors.field", contains("code", "name"));
    }

    @Test
    void aMemberIsInAClassOnceAndAStudentCannotTeach() {
        String code = Api.createGroup(null);
        String student = Api.createUser("once", "student");
        Api.addMember(code, student, "student");
        Api.asAdmin().body(Map.of("username", student)).post("/api/groups/" + code + "/members").then().statusCode(409);
        Api.asAdmin().body(Map.of("role", "teacher")).put("/api/groups/" + code + "/members/" + student)
                .then().statusCode(400).body("errors.field", contains("role"));
        Api.asAdmin().body(Map.of("username", "nobody-" + code)).post("/api/groups/" + code + "/members")
                .then().statusCode(400).body("errors.field", contains("username"));
        Api.asAdmin().body(Map.of("username", student, "role", "boss")).post("/api/groups/" + code + "/members")
                .then().statusCode(400).body("errors.field", contains("role"));
    }

    @Test
    void aUserCanBeInManyClassesAndLeavingOneKeepsTheOthers() {
        String student = Api.createUser("many", "student");
        String first = Api.createGroup(null);
        String second = Api.createGroup(null);
        Api.addMember(first, student, "student");
        Api.addMember(second, student, "student");
        Api.asAdmin().delete("/api/groups/" + first + "/members/" + student).then().statusCode(204);
        Api.asAdmin().get("/api/users/" + student).then().body("groups.code", contains(second));
        Api.asAdmin().delete("/api/groups/" + second).then().statusCode(204);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("groups", org.hamcrest.Matchers.empty());
    }

    @Test
    void aTeacherCannotLeaveAClassWithNobodyTeachingItButAnAdminCan() {
        String teacher = Api.createUser("last-t", "teacher");
        String colleague = Api.createUser("last-c", "teacher");
        String code = Api.createGroup(teacher);
        Api.as(teacher).delete("/api/groups/" + code + "/members/" + teacher).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("only teacher"));
        Api.as(teacher).body(Map.of("role", "student")).put("/api/groups/" + code + "/members/" + teacher).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("only teacher"));
        Api.asAdmin().get("/api/groups/" + code).then().body("members.role", contains("teacher"));

        // with a second teacher, either may leave
        Api.addMember(code, colleague, "teacher");
        Api.as(teacher).delete("/api/groups/" + code + "/members/" + teacher).then().statusCode(204);
        Api.as(colleague).delete("/api/groups/" + code + "/members/" + colleague).then().statusCode(409);

        // an admin's call is its own confirmation
        Api.asAdmin().delete("/api/groups/" + code + "/members/" + colleague).then().statusCode(204);
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(200).body("members", org.hamcrest.Matchers.empty());
    }

    @Test
    void staleClassEditIsRefused() {
        String code = Api.createGroup(null);
        Api.asAdmin().body(Map.of("code", code, "name", "First", "term", "2025-26", "version", 0)).put("/api/groups/" + code).then().statusCode(200);
        Api.asAdmin().body(Map.of("code", code, "name", "Second", "term", "2025-26", "version", 0)).put("/api/groups/" + code).then().statusCode(409);
        Api.asAdmin().get("/api/groups/" + code).then().body("name", equalTo("First"));
    }

    @Test
    void teacherSearchShowsStudentsAndOwnMembersButNotOtherStaff() {
        String teacher = Api.createUser("scope-t", "teacher");
        String colleague = Api.createUser("scope-c", "teacher");
        String stranger = Api.createUser("scope-s", "teacher");
        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        Api.as(teacher).queryParam("q", "scope-").queryParam("size", 200).get("/api/users").then().statusCode(200)
                .body("items.username", hasItem(colleague))
                .body("items.username", not(hasItem(stranger)));
        Api.as(teacher).queryParam("role", "admin").get("/api/users").then().body("total", equalTo(0));
    }

    @Test
    void deletingAClassKeepsItsMembersAccounts() {
        String student = Api.createUser("keep", "student");
        String code = Api.createGroup(null);
        Api.addMember(code, student, "student");
        Api.asAdmin().delete("/api/groups/" + code).then().statusCode(204);
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200);
    }
}
