package org.rollcall.roster;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The import and cards pages beyond the browser flow: refusals, the class page's new student, cards for their owner only. */
@QuarkusTest
class RosterPagesTest {

    private static RequestSpecification session(String username, String password) {
        return RosterPagesSupport.session(username, password);
    }

    /** Posts the class page's "Add a new student" form as the teacher; returns the login cards' address it leads to. */
    private static String addNewStudent(String teacher, String code, String name, String username) {
        RequestSpecification browser = session(teacher, Api.PASSWORD);
        Response page = browser.get("/classes/" + code);
        page.then().statusCode(200).body(containsString("Add a new student"), containsString("/roster/import?class=" + code));
        RequestSpecification form = browser.cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("displayName", name);
        if (username != null) {
            form.formParam("username", username);
        }
        return form.post("/roster/classes/" + code + "/students").then().statusCode(303).extract().header("Location");
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
        String name = "Néw " + Api.unique("Student");
        String cards = addNewStudent(teacher, code, name, null);
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
        String cards = addNewStudent(teacher, code, "Once Only", Api.unique("rpg-once"));
        session(teacher, Api.PASSWORD).get(cards + "/passwords.csv").then().statusCode(200).body(containsString("name,username,password,classes"));
        session(teacher, Api.PASSWORD).get(cards + "/passwords.csv").then().statusCode(404);
        session(teacher, Api.PASSWORD).get(cards).then().statusCode(200).body(not(containsString("passwords.csv")));
    }
}
