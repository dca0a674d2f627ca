package org.rollcall.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The permissions matrix of DESIGN.md, cell by cell, for the browser pages. */
@QuarkusTest
class PagePermissionsTest {

    private static RequestSpecification browser() {
        return given().accept("text/html").redirects().follow(false);
    }

    private static RequestSpecification as(String username, String password) {
        return browser().auth().preemptive().basic(username, password);
    }

    private static RequestSpecification as(String username) {
        return as(username, Api.PASSWORD);
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndBack() {
        for (String page : new String[] { "/", "/users", "/users/new", "/classes", "/me", "/me/password", "/roster/import",
                "/roster/cards/some-id" }) {
            int status = browser().get(page).then().extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 302 || status == 303, page + " answered " + status);
            browser().get(page).then().header("Location", containsString("/login"));
        }
        browser().get("/users?role=student").then().header("Location", containsString("next=%2Fusers%3Frole%3Dstudent"));
    }

    @Test
    void studentsGetTheForbiddenPageOnStaffPages() {
        String student = Api.createUser("perm-stu", "student");
        String teacher = Api.createUser("perm-tea", "teacher");
        String code = Api.createGroup(teacher);
        for (String page : new String[] { "/users", "/users/new", "/users/" + student, "/classes", "/classes/new",
                "/classes/" + code, "/users/" + student + "/delete", "/roster/import", "/roster/import?class=" + code }) {
            as(student).get(page).then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("403 · Forbidden"), containsString("Log out"));
        }
        for (String page : new String[] { "/", "/me", "/me/password" }) {
            as(student).get(page).then().statusCode(200);
        }
    }

    @Test
    void bulkPagesAndCsvDownloadsFollowTheMatrix() {
        String student = Api.createUser("perm-stu", "student");
        String teacher = Api.createUser("perm-tea", "teacher");
        String own = Api.createGroup(teacher);
        String foreign = Api.createGroup(null);
        String bulk = "/bulk?action=disable&usernames=" + student;
        for (String page : new String[] { bulk, "/users.csv", "/classes/" + own + "/roster.csv" }) {
            browser().accept("text/html,*/*;q=0.8").get(page).then().statusCode(org.hamcrest.Matchers.oneOf(302, 303)).header("Location", containsString("/login"));
            as(student).accept("text/html,*/*;q=0.8").get(page).then().statusCode(403);
            as(teacher).accept("text/html,*/*;q=0.8").get(page).then().statusCode(200);
            as(Api.ADMIN, Api.ADMIN_PASSWORD).accept("text/html,*/*;q=0.8").get(page).then().statusCode(200);
        }
        as(teacher).accept("text/html,*/*;q=0.8").get("/classes/" + foreign + "/roster.csv").then().statusCode(403);
        as(teacher).get("/bulk?action=delete&usernames=" + student).then().statusCode(403);
        as(teacher).get("/bulk?action=change-role&usernames=" + student).then().statusCode(403);
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/bulk?action=delete&usernames=" + student).then().statusCode(200)
                .body(containsString("Type 1 to delete 1 user"));
        as(teacher).get("/bulk/jobs/no-such-job").then().statusCode(404);
    }

    @Test
    void teachersManageStudentsAndTheirOwnClassesOnly() {
        String teacher = Api.createUser("perm-tea", "teacher");
        String otherTeacher = Api.createUser("perm-tea", "teacher");
        String student = Api.createUser("perm-stu", "student");
        String own = Api.createGroup(teacher);
        String foreign = Api.createGroup(otherTeacher);
        for (String page : new String[] { "/", "/users", "/users/new", "/users/" + student, "/users/" + student + "/edit",
                "/classes", "/classes/new", "/classes/" + own, "/classes/" + own + "/edit", "/classes/" + own + "/delete",
                "/roster/import", "/roster/import?class=" + own }) {
            as(teacher).get(page).then().statusCode(200);
        }
        as(teacher).get("/roster/import?class=" + foreign).then().statusCode(403);
        as(teacher).get("/roster/cards/not-theirs").then().statusCode(404);
        as(teacher).get("/users/" + otherTeacher).then().statusCode(403);
        as(teacher).get("/users/" + student + "/delete").then().statusCode(403);
        as(teacher).get("/classes/" + foreign).then().statusCode(403);
        as(teacher).get("/classes/" + foreign + "/edit").then().statusCode(403);
        // A teacher who teaches with another teacher may see them, but not edit them.
        Api.addMember(own, otherTeacher, "teacher");
        as(teacher).get("/users/" + otherTeacher).then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Reset password")));
        as(teacher).get("/users/" + otherTeacher + "/edit").then().statusCode(403);
    }

    @Test
    void adminsSeeEverythingIncludingDeleteConfirmation() {
        String teacher = Api.createUser("perm-tea", "teacher");
        String code = Api.createGroup(teacher);
        for (String page : new String[] { "/", "/users", "/users/" + teacher, "/users/" + teacher + "/edit",
                "/users/" + teacher + "/delete", "/classes", "/classes/" + code, "/me", "/roster/import", "/roster/import?class=" + code }) {
            as(Api.ADMIN, Api.ADMIN_PASSWORD).get(page).then().statusCode(200);
        }
    }

    @Test
    void unknownAddressesGetTheNotFoundPageInTheLayout() {
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/users/" + Api.unique("nobody")).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("404 · Not found"), containsString("Dashboard"));
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/classes/NOPE" + System.nanoTime() % 1000).then().statusCode(404);
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void pagesNeverShowPasswordHashes() {
        String student = Api.createUser("perm-hash", "student");
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/users/" + student).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("$argon2id$")), org.hamcrest.Matchers.not(containsString("$2a$")), startsWith("<!DOCTYPE html>"));
    }
}
