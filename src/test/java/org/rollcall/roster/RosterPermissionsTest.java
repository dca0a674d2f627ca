package org.rollcall.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The permissions matrix row by row: a teacher's roster may create and change students in the
 * classes they teach; their other rows are rejected with a reason while the rest is imported.
 * One-time passwords: in the response once, a change forced at the first login, never in the audit log.
 */
@QuarkusTest
class RosterPermissionsTest {

    @Test
    void aTeachersRowsOutsideTheirCellAreRejectedAndTheRestImported() {
        String teacher = Api.createUser("rp-t", "teacher");
        String own = Api.createGroup(teacher);
        String foreign = Api.createGroup(null);
        String colleague = Api.createUser("rp-c", "teacher");
        String[] u = { Api.unique("rp-ok"), Api.unique("rp-teach"), Api.unique("rp-admin"), Api.unique("rp-foreign"), Api.unique("rp-nocl") };
        String csv = "username,name,role,classes\n" + u[0] + ",Ok,student," + own + "\n" + u[1] + ",T,teacher,\n" + u[2] + ",A,admin,\n"
                + u[3] + ",F,student," + foreign + "\n" + u[4] + ",N,student,NOSUCH\n" + colleague + ",Renamed,,\n";
        Rosters.post(Api.as(teacher), csv, null).statusCode(200)
                .body("rows.outcome", contains("create", "rejected", "rejected", "rejected", "rejected", "rejected"))
                .body("rows[1].reasons[0].message", equalTo("only an admin can import teachers"))
                .body("rows[2].reasons[0].message", equalTo("only an admin can import admins"))
                .body("rows[3].reasons[0].message", equalTo("'" + foreign + "' is not a class you teach"))
                .body("rows[4].reasons[0].message", equalTo("'NOSUCH' is not a class you teach"))
                .body("rows[5].reasons[0].field", equalTo("username"));
        Api.asAdmin().get("/api/users/" + u[0]).then().statusCode(200).body("groups.code", contains(own));
        for (int i = 1; i < u.length; i++) {
            Api.asAdmin().get("/api/users/" + u[i]).then().statusCode(404);
        }
        Api.asAdmin().get("/api/users/" + colleague).then().body("user.displayName", equalTo("Test " + colleague));
        Api.asAdmin().get("/api/groups/" + foreign + "/members").then().body("$", hasSize(0));
    }

    @Test
    void anAdminImportsAnyRoleIntoAnyClass() {
        String code = Api.createGroup(null);
        String t = Api.unique("rp-at");
        Rosters.asAdmin("username,name,role\n" + t + ",Teacher T,teacher\n", "class=" + code.toLowerCase()).statusCode(200)
                .body("classCode", equalTo(code)).body("rows[0].outcome", equalTo("create"));
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("role", contains("teacher"));
    }

    @Test
    void aClassTheTeacherDoesNotTeachCannotBeTheImportsClass() {
        String teacher = Api.createUser("rp-t", "teacher");
        String foreign = Api.createGroup(null);
        Rosters.post(Api.as(teacher), "username\nx\n", "class=" + foreign).statusCode(403);
        Rosters.post(Api.as(Api.createUser("rp-s", "student")), "username\nx\n", null).statusCode(403);
        RestAssured.given().contentType("text/csv").body("username\nx\n").post("/api/users/import").then().statusCode(401);
    }

    @Test
    void oneTimePasswordsAreShownOnceForceAChangeAndStayOutOfTheAuditLog() {
        String teacher = Api.createUser("rp-t", "teacher");
        String code = Api.createGroup(teacher);
        String a = Api.unique("rp-otp");
        String b = Api.unique("rp-own");
        var response = Rosters.post(Api.as(teacher), "username,name,password\n" + a + ",Otto,\n" + b + ",Own,chosen-secret-9\n",
                "class=" + code).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("oneTimePasswords.username", contains(a)).extract();
        String password = response.path("oneTimePasswords[0].password");
        assertThat(password).matches("[a-km-zA-HJ-NP-Z2-9]{14}");
        Api.as(a, password).get("/api/me/groups").then().statusCode(403);
        Api.as(a, password).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        Api.as(a, password).body(Map.of("currentPassword", password, "newPassword", "brand-new-pass-1")).put("/api/me/password")
                .then().statusCode(204);
        Api.as(a, "brand-new-pass-1").get("/api/me/groups").then().statusCode(200);
        Api.as(b, "chosen-secret-9").get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        String audit = Api.asAdmin().queryParam("actor", teacher).queryParam("size", 100).get("/api/audit").then().statusCode(200)
                .extract().asString();
        assertThat(audit).contains("user.import", a).doesNotContain(password).doesNotContain("chosen-secret-9");
        Rosters.post(Api.as(teacher), "username,name\n" + a + ",Otto\n", null).statusCode(200)
                .body("rows[0].outcome", equalTo("unchanged")).body("oneTimePasswords", hasSize(0));
    }

    @Test
    void rejectedRowsDownloadAsCsvWithTheirErrorAndNoFormulaRuns() {
        String csv = "username,name,email\n=cmd|' /C calc'!A0,+SUM(1),@evil\nok-" + Api.unique("rp") + ",-2+3,bad\n";
        List<String> lines = RosterPagesSupport.rejectedCsv(csv);
        assertThat(lines.get(0)).isEqualTo("\uFEFFusername,name,email,error");
        assertThat(lines.get(1)).startsWith("'=cmd|' /C calc'!A0,'+SUM(1),'@evil,");
        assertThat(lines.get(2)).contains(",'-2+3,bad,").contains("email: is not a valid email address");
    }
}
