package org.rollcall.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The import and cards pages beyond the browser flow: refusals, the class page's new student, cards for their owner only. */
@QuarkusTest
class RosterPagesTest {

    private static RequestSpecification session(String username, String password) {
        String cookie = FormLogin.post(username, password, null).cookie("rollcall_session");
        return given().redirects().follow(false).cookie("rollcall_session", cookie);
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefusedAndWritesNothing() {
        String a = Api.unique("rpg-csrf");
        session(Api.ADMIN, Api.ADMIN_PASSWORD).multiPart("mode", "add")
                .multiPart("file", "r.csv", ("username,name\n" + a + ",A\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/roster/import").then().statusCode(400);
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);
    }

    @Test
    void aFileThatIsNotARosterIsExplainedOnTheUploadPage() {
        Response refused = RosterPagesSupport.upload(RosterPagesSupport.adminSession(), "shoe size;colour\n42;red\n");
        refused.then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("a username column"), containsString("Import users"));
    }

    @Test
    void aTeacherAddsANewStudentToTheirClassInOneStepAndOnlyTheySeeTheCard() {
        String teacher = Api.createUser("rpg-t", "teacher");
        String code = Api.createGroup(teacher);
        RequestSpecification browser = session(teacher, Api.PASSWORD);
        Response page = browser.get("/classes/" + code);
        page.then().statusCode(200).body(containsString("Add a new student"), containsString("/roster/import?class=" + code));
        String name = "Néw " + Api.unique("Student");
        Response created = browser.cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("displayName", name)
                .post("/roster/classes/" + code + "/students");
        String cards = created.then().statusCode(303).extract().header("Location");
        String username = Usernames.stem(name);
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("username", hasItem(username));
        session(teacher, Api.PASSWORD).get(cards).then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString(username), containsString("Class " + code));
        String other = Api.createUser("rpg-o", "teacher");
        session(other, Api.PASSWORD).get(cards).then().statusCode(404).body(not(containsString(username)));
        session(Api.ADMIN, Api.ADMIN_PASSWORD).get(cards).then().statusCode(404);
    }

    @Test
    void thePasswordsDownloadWorksOnce() {
        String teacher = Api.createUser("rpg-t", "teacher");
        String code = Api.createGroup(teacher);
        RequestSpecification browser = session(teacher, Api.PASSWORD);
        Response page = browser.get("/classes/" + code);
        String cards = browser.cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("displayName", "Once Only")
                .formParam("username", Api.unique("rpg-once")).post("/roster/classes/" + code + "/students")
                .then().statusCode(303).extract().header("Location");
        RequestSpecification again = session(teacher, Api.PASSWORD);
        again.get(cards + "/passwords.csv").then().statusCode(200).body(containsString("name,username,password,classes"));
        session(teacher, Api.PASSWORD).get(cards + "/passwords.csv").then().statusCode(404);
        session(teacher, Api.PASSWORD).get(cards).then().statusCode(200).body(not(containsString("passwords.csv")));
    }
}
