package org.rollcall.schoolclass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The read-only class page: its members see what the class is and who teaches it; nobody else sees it. */
@QuarkusTest
class MyClassPageTest {

    private static RequestSpecification as(String username, String password) {
        return given().accept("text/html").redirects().follow(false).auth().preemptive().basic(username, password);
    }

    private static RequestSpecification as(String username) {
        return as(username, Api.PASSWORD);
    }

    @Test
    void aMemberSeesTheClassAndItsTeachersButNotTheirClassmates() {
        String teacher = Api.createUser("mine-tea", "teacher");
        String student = Api.createUser("mine-stu", "student");
        String classmate = Api.createUser("mine-mate", "student");
        String code = Api.createGroup(teacher);
        Api.asAdmin().body(Map.of("code", code, "name", "Algebra", "term", "2025-26", "period", "3rd",
                "description", "Equations & graphs", "version", 0)).put("/api/groups/" + code).then().statusCode(200);
        Api.addMember(code, student, "student");
        Api.addMember(code, classmate, "student");

        as(student).get("/my/classes/" + code.toLowerCase()).then().statusCode(200)
                .body(containsString(code + " · Algebra"), containsString("2025-26"), containsString("3rd"),
                        containsString("Equations &amp; graphs"), containsString("Test " + teacher))
                .body(not(containsString(classmate)), not(containsString("/users/")));
        as(teacher).get("/my/classes/" + code).then().statusCode(200);
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/my/classes/" + code).then().statusCode(200);
    }

    @Test
    void anyoneElseIsRefusedAndCannotTellAClassFromNone() {
        String teacher = Api.createUser("mine-tea", "teacher");
        String otherTeacher = Api.createUser("mine-tea", "teacher");
        String member = Api.createUser("mine-stu", "student");
        String outsider = Api.createUser("mine-out", "student");
        String code = Api.createGroup(teacher);
        Api.addMember(code, member, "student");
        String othersClass = Api.createGroup(otherTeacher);
        Api.addMember(othersClass, outsider, "student");

        as(outsider).get("/my/classes/" + code).then().statusCode(403)
                .body(not(containsString("Class " + code)), not(containsString("Test " + teacher)));
        as(outsider).get("/my/classes/NOSUCHCLASS").then().statusCode(403);
        as(otherTeacher).get("/my/classes/" + code).then().statusCode(403);
        as(Api.ADMIN, Api.ADMIN_PASSWORD).get("/my/classes/NOSUCHCLASS").then().statusCode(404);
        given().accept("text/html").redirects().follow(false).get("/my/classes/" + code).then().statusCode(anyOf(equalTo(302), equalTo(303)))
                .header("Location", containsString("/login"));
    }
}
