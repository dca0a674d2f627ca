package org.rollcall.schoolclass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The class page's member forms without a browser: what a teacher or an admin is told, and where they land. */
@QuarkusTest
class ClassPagesTest {

    private static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).redirects().follow(false);
    }

    private static RequestSpecification teacher(String username) {
        return as(username, Api.PASSWORD);
    }

    private static RequestSpecification admin() {
        return as(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    /** Posts a form of the class page as the page would: with its CSRF cookie and token. */
    private static Response post(RequestSpecification who, RequestSpecification again, String code, String action, Map<String, String> fields) {
        Response page = who.get("/classes/" + code);
        page.then().statusCode(200);
        return again.cookie(Forms.CSRF_COOKIE, page.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParams(fields).post(action);
    }

    /** The flash message a redirect carries, as "kind: text". */
    private static String flash(Response redirect) {
        String value = redirect.getCookie("rollcall_flash");
        String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        return decoded.replace("\n", ": ");
    }

    @Test
    void theOnlyTeacherIsToldWhyTheyCannotLeaveAndNothingChanges() {
        String teacher = Api.createUser("pg-only", "teacher");
        String code = Api.createGroup(teacher);

        Response removed = post(teacher(teacher), teacher(teacher), code, "/classes/" + code + "/members/" + teacher + "/remove", Map.of());
        removed.then().statusCode(303).header("Location", endsWith("/classes/" + code));
        assertEquals("danger: Could not remove " + teacher + ". You are the only teacher of " + code
                + ": add another teacher first, so the class is not left without one.", flash(removed));

        Response demoted = post(teacher(teacher), teacher(teacher), code, "/classes/" + code + "/members/" + teacher + "/role",
                Map.of("role", "student"));
        demoted.then().statusCode(303).header("Location", endsWith("/classes/" + code));
        assertEquals("danger: Could not change " + teacher + ". You are the only teacher of " + code
                + ": add another teacher first, so the class is not left without one.", flash(demoted));

        Api.asAdmin().get("/api/groups/" + code).then().body("members.role", contains("teacher"));
    }

    @Test
    void aTeacherWhoLeavesWhileAnotherTeachesLandsOnTheirClassesWithTheMessage() {
        String teacher = Api.createUser("pg-leave", "teacher");
        String colleague = Api.createUser("pg-stay", "teacher");
        String code = Api.createGroup(teacher);
        String other = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        Api.addMember(other, colleague, "teacher");

        Response left = post(teacher(teacher), teacher(teacher), code, "/classes/" + code + "/members/" + teacher + "/remove", Map.of());
        left.then().statusCode(303).header("Location", endsWith("/classes"));
        assertEquals("success: Removed " + teacher + " from " + code + ".", flash(left));
        teacher(teacher).cookie("rollcall_flash", left.getCookie("rollcall_flash")).get("/classes")
                .then().statusCode(200).body(containsString("Removed " + teacher + " from " + code + "."));

        Response demoted = post(teacher(teacher), teacher(teacher), other, "/classes/" + other + "/members/" + teacher + "/role",
                Map.of("role", "student"));
        demoted.then().statusCode(303).header("Location", endsWith("/classes"));
        assertEquals("success: " + teacher + " is now student in " + other + ".", flash(demoted));
    }

    @Test
    void anAdminRemovesTheLastTeacherOnlyAfterConfirming() {
        String teacher = Api.createUser("pg-adm", "teacher");
        String code = Api.createGroup(teacher);
        String action = "/classes/" + code + "/members/" + teacher + "/remove";

        Response asked = post(admin(), admin(), code, action, Map.of());
        asked.then().statusCode(200)
                .body(containsString(teacher + " is the only teacher of " + code), containsString("name=\"confirm\" value=\"yes\""),
                        not(containsString("Removed " + teacher)));
        Api.asAdmin().get("/api/groups/" + code).then().body("members.role", contains("teacher"));

        Response confirmed = post(admin(), admin(), code, action, Map.of("confirm", "yes"));
        confirmed.then().statusCode(303).header("Location", endsWith("/classes/" + code));
        assertEquals("success: Removed " + teacher + " from the class.", flash(confirmed));
        Api.asAdmin().get("/api/groups/" + code).then().body("members", org.hamcrest.Matchers.empty());
    }

    @Test
    void anAdminMakesTheLastTeacherAStudentOnlyAfterConfirming() {
        String teacher = Api.createUser("pg-adm-r", "teacher");
        String code = Api.createGroup(teacher);
        String action = "/classes/" + code + "/members/" + teacher + "/role";

        post(admin(), admin(), code, action, Map.of("role", "student")).then().statusCode(200)
                .body(containsString(teacher + " is the only teacher of " + code), containsString("name=\"role\" value=\"student\""));
        Api.asAdmin().get("/api/groups/" + code).then().body("members.role", contains("teacher"));

        Response confirmed = post(admin(), admin(), code, action, Map.of("role", "student", "confirm", "yes"));
        assertEquals("success: " + teacher + " is now student in this class.", flash(confirmed));
        Api.asAdmin().get("/api/groups/" + code).then().body("members.role", contains("student"));
    }

    @Test
    void memberSearchCountsOnlyPeopleNotYetInTheClass() {
        String prefix = Api.unique("fnd");
        String member = Api.createUser(prefix + "a", "student");
        Api.createUser(prefix + "b", "student");
        Api.createUser(prefix + "c", "student");
        String code = Api.createGroup(null);
        Api.addMember(code, member, "student");

        admin().queryParam("find", prefix).get("/classes/" + code).then().statusCode(200)
                .body(containsString("Found 2 not yet in this class."), not(containsString("type more")));

        for (int i = 0; i < ClassPages.CANDIDATES; i++) {
            Api.createUser(prefix + "d", "student");
        }
        admin().queryParam("find", prefix).get("/classes/" + code).then().statusCode(200)
                .body(containsString("Found " + (ClassPages.CANDIDATES + 2) + " not yet in this class, showing the first "
                        + ClassPages.CANDIDATES + "; type more to narrow down."));
    }
}
