package org.rollcall.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Behaviour of the users pages that needs no browser: fragments, flash messages, odd addresses. */
@QuarkusTest
class UserPagesTest {

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false);
    }

    @Test
    void htmxSearchGetsOnlyTheResultsFragment() {
        String student = Api.createUser("frag", "student");
        admin().header("HX-Request", "true").queryParam("q", student).get("/users")
                .then().statusCode(200)
                .body(startsWith("<div id=\"results\">"), containsString(student), not(containsString("<html")));
        admin().queryParam("q", student).get("/users").then().statusCode(200).body(containsString("<html"));
    }

    @Test
    void aPagePastTheEndSaysSoAndLinksToTheLastPage() {
        String student = Api.createUser("pastend", "student");
        admin().queryParam("q", student).queryParam("page", "99").get("/users")
                .then().statusCode(200).body(containsString("There is no page 99"), containsString("Go to the last page"));
    }

    @Test
    void aBadFilterIsA400PageNotAnError() {
        admin().queryParam("role", "wizard").get("/users").then().statusCode(400).body(containsString("unknown role"));
        admin().queryParam("sort", "password").get("/users").then().statusCode(400).body(containsString("must be one of"));
    }

    @Test
    void theFlashMessageIsShownOnceAfterTheRedirect() {
        Response form = admin().get("/users/new");
        String csrf = form.getCookie("rollcall_csrf");
        String username = Api.unique("flash");
        Response created = admin().cookie("rollcall_csrf", csrf)
                .formParam("csrf-token", Forms.csrfToken(form.asString()))
                .formParam("username", username).formParam("displayName", "Flash Gordon").formParam("role", "student")
                .post("/users");
        created.then().statusCode(303);
        String flash = created.getCookie("rollcall_flash");
        Response shown = admin().cookie("rollcall_flash", flash).get("/users/" + username);
        shown.then().statusCode(200).body(containsString("Created " + username + "."));
        org.junit.jupiter.api.Assertions.assertEquals("", shown.getDetailedCookie("rollcall_flash").getValue(), "the flash is cleared once shown");
        admin().get("/users/" + username).then().body(not(containsString("Created " + username + ".")));
    }

    @Test
    void theEditFormSaysWhichClassesKeepATeacherFromBecomingAStudent() {
        String teacher = Api.createUser("pg-demote", "teacher");
        String code = Api.createGroup(teacher);
        Response form = admin().get("/users/" + teacher + "/edit");
        Response refused = admin().cookie("rollcall_csrf", form.getCookie("rollcall_csrf"))
                .formParam("csrf-token", Forms.csrfToken(form.asString()))
                .formParam("displayName", "Test " + teacher).formParam("role", "student").formParam("version", "0")
                .post("/users/" + teacher);
        refused.then().statusCode(400)
                .body(containsString("cannot be student while they teach " + code
                        + ": remove them as teacher there first, or make them a student in that class"));
        Api.asAdmin().get("/api/users/" + teacher).then().body("user.role", org.hamcrest.Matchers.equalTo("teacher"));
    }
}
