package org.rollcall.roster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The files teachers' spreadsheets write, read as they mean it; files that are not rosters refused whole, writing nothing. */
@QuarkusTest
class RosterFileApiTest {

    @Test
    void excelsSemicolonsWithAByteOrderMarkAndAQuotedNewline() {
        String a = Api.unique("rf-bom");
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = ("Username;Name;Email\r\n" + a + ";\"Zoë\nÑúñez\";" + a + "@Example.org\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bom);
        file.writeBytes(body);
        Rosters.post(Api.asAdmin(), file.toByteArray(), null).statusCode(200)
                .body("rows[0].username", equalTo(a)).body("rows[0].outcome", equalTo("create"))
                .body("unknownColumns", org.hamcrest.Matchers.empty());
        Api.asAdmin().get("/api/users/" + a).then().statusCode(200)
                .body("user.displayName", equalTo("Zoë\nÑúñez")).body("user.email", equalTo(a + "@example.org"));
    }

    @Test
    void tabsAliasesFirstAndLastNamesAndMoodleCohorts() {
        String code = Api.createGroup(null);
        String a = Api.unique("rf-tab");
        String csv = "LOGIN\tGiven Name\tfamily_name\tE-mail\tcohort1\tshoe size\n" + a + "\tGrace\tHopper\t\t" + code + "\t42\n";
        Rosters.asAdmin(csv, null).statusCode(200)
                .body("rows[0].displayName", equalTo("Grace Hopper"))
                .body("rows[0].classes", contains(code))
                .body("unknownColumns", contains("shoe size"));
        Api.asAdmin().get("/api/users/" + a).then().statusCode(200).body("groups.code", contains(code));
    }

    @Test
    void usernamesAreMadeFromNamesAndNumberedWhenTaken() {
        String surname = Api.unique("Lövelace").replace("-", "");
        String stem = "ada." + surname.toLowerCase().replace("ö", "o");
        Api.asAdmin().body(java.util.Map.of("username", stem, "displayName", "Taken", "role", "student")).post("/api/users")
                .then().statusCode(201);
        String csv = "first name,last name\nAda,\"" + surname + "\"\nÁda,\"" + surname + "\"\n";
        Rosters.asAdmin(csv, "dryRun=true").statusCode(200)
                .body("rows.username", contains(stem + "2", stem + "3"))
                .body("rows.usernameGenerated", contains(true, true));
    }

    @Test
    void aUsernameOrEmailTwiceInTheFileRejectsTheLaterRow() {
        String a = Api.unique("rf-dup");
        String b = Api.unique("rf-dup");
        String csv = "username,name,email\n" + a + ",One,x" + a + "@example.org\n" + a.toUpperCase() + ",Two,\n"
                + b + ",Three,X" + a + "@example.org\n";
        Rosters.asAdmin(csv, null).statusCode(200)
                .body("rows.outcome", contains("create", "rejected", "rejected"))
                .body("rows[1].reasons[0].message", equalTo("appears more than once in the file (first on line 2)"))
                .body("rows[2].reasons[0].field", equalTo("email"));
        Api.asAdmin().get("/api/users/" + b).then().statusCode(404);
    }

    @Test
    void filesThatAreNotRostersAreRefusedWholeAndNothingIsWritten() {
        String a = Api.unique("rf-abort");
        refused(("username,name\n" + a + ",A\n").getBytes(StandardCharsets.UTF_8), "application/json", 415, "text/csv");
        refused(new byte[] { 'P', 'K', 3, 4, 0, 0, 1 }, "text/csv", 415, "binary");
        refused(("username,name\n" + a + ",Ad\u00e9").getBytes(StandardCharsets.ISO_8859_1), "text/csv", 415, "UTF-8");
        refused(("shoe size,colour\n42,red\n").getBytes(StandardCharsets.UTF_8), "text/csv", 400, "username");
        refused(new byte[0], "text/csv", 400, "empty");
        refused(("username,name\n" + a + ",\"unclosed\n").getBytes(StandardCharsets.UTF_8), "text/csv", 400, "CSV");
        StringBuilder many = new StringBuilder("username\n");
        for (int i = 0; i <= RosterFile.MAX_ROWS; i++) {
            many.append(a).append('x').append(i).append('\n');
        }
        refused(many.toString().getBytes(StandardCharsets.UTF_8), "text/csv", 413, "50,000");
        byte[] big = new byte[RosterFile.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        refused(big, "text/csv", 413, "10 MB");
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + a + "x0").then().statusCode(404);
    }

    private static void refused(byte[] file, String type, int status, String says) {
        Api.asAdmin().contentType(type).body(file).post("/api/users/import").then().statusCode(status)
                .contentType(startsWith("application/problem+json")).body("detail", containsString(says));
    }
}
