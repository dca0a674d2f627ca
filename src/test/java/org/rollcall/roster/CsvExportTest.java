package org.rollcall.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The users list and a class roster as CSV: every matching row in the list's order, importable columns, no formula, no password. */
@QuarkusTest
class CsvExportTest {

    private static List<CSVRecord> parse(Response response) throws IOException {
        String body = response.then().statusCode(200).contentType("text/csv").extract().body().asString();
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body.substring(1))).getRecords();
    }

    private static List<String> header(Response response) {
        String body = response.then().extract().body().asString();
        return List.of(body.substring(1, body.indexOf("\r\n")).split(","));
    }

    @Test
    void theUsersCsvHoldsEveryMatchingRowInTheListsOrderNotOnePage() throws IOException {
        String teacher = Api.createUser("csv-teacher", "teacher");
        String code = Api.createGroup(teacher);
        List<String> names = IntStream.range(0, 230).mapToObj(i -> {
            String u = Api.unique("csv-many");
            Api.asAdmin().body(Map.of("username", u, "displayName", "Student " + (1000 - i), "role", "student")).post("/api/users")
                    .then().statusCode(201);
            Api.addMember(code, u, "student");
            return u;
        }).toList();
        List<CSVRecord> rows = parse(Api.as(teacher).accept("text/csv").queryParam("group", code).queryParam("sort", "-name")
                .queryParam("role", "student").get("/api/users"));
        assertThat(rows).hasSize(230);
        assertThat(rows.stream().map(r -> r.get("name")).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rows.stream().map(r -> r.get("username")).toList()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(rows.get(0).get("classes")).isEqualTo(code);
        assertThat(parse(Api.as(teacher).accept("text/csv").queryParam("group", code).queryParam("q", "zzz-none").get("/api/users")))
                .isEmpty();
    }

    @Test
    void everyFieldSurvivesTheRoundTripAndNoPasswordIsWritten() throws IOException {
        String username = Api.unique("csv-rt");
        Api.asAdmin().body(Map.of("username", username, "displayName", "Zoë \"Zed\" O'Neil, Jr.\nsecond line", "email",
                username + "@example.org", "role", "teacher", "password", Api.PASSWORD)).post("/api/users").then().statusCode(201);
        String a = Api.createGroup(null);
        String b = Api.createGroup(null);
        Api.addMember(b, username, "teacher");
        Api.addMember(a, username, "student");

        Response response = Api.asAdmin().accept("text/csv").queryParam("q", username).get("/api/users");
        assertThat(header(response)).containsExactly("username", "name", "email", "role", "classes");
        assertThat(response.asString()).doesNotContain(Api.PASSWORD).doesNotContain("$argon2id$").doesNotContain("$2a$").doesNotContainIgnoringCase("password");
        CSVRecord row = parse(response).get(0);
        assertThat(row.get("username")).isEqualTo(username);
        assertThat(row.get("name")).isEqualTo("Zoë \"Zed\" O'Neil, Jr.\nsecond line");
        assertThat(row.get("email")).isEqualTo(username + "@example.org");
        assertThat(row.get("role")).isEqualTo("teacher");
        assertThat(row.get("classes").split(";")).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void formulasAreNeutralisedInEveryCell() throws IOException {
        String code = Api.createGroup(null);
        // names are trimmed when stored, so a leading tab or CR reaches a cell only from elsewhere: CsvCells is checked for those below
        for (String name : List.of("=HYPERLINK(\"http://evil\")", "+1+2", "-3", "@SUM(A1)")) {
            String u = Api.unique("csv-inj");
            Api.asAdmin().body(Map.of("username", u, "displayName", name, "role", "student")).post("/api/users").then().statusCode(201);
            Api.addMember(code, u, "student");
        }
        List<CSVRecord> rows = parse(Api.asAdmin().accept("text/csv").queryParam("group", code).get("/api/users"));
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("name")).startsWith("'"));
        assertThat(CsvCells.safe("=1")).isEqualTo("'=1");
        assertThat(CsvCells.safe("\rX")).isEqualTo("'\rX");
        assertThat(CsvCells.safe("\tX")).isEqualTo("'\tX");
        assertThat(CsvCells.safe("Ada")).isEqualTo("Ada");
        assertThat(CsvCells.safe("")).isEmpty();
    }

    @Test
    void aClassRosterAddsTheRoleInClassAndFollowsThePermissions() throws IOException {
        String teacher = Api.createUser("csv-teacher", "teacher");
        String code = Api.createGroup(teacher);
        String student = Api.createUser("csv-member", "student");
        Api.addMember(code, student, "student");
        Response response = Api.as(teacher).accept("text/csv").get("/api/groups/" + code.toLowerCase() + "/members");
        assertThat(header(response)).containsExactly("username", "name", "email", "role", "classes", "role in class");
        assertThat(response.getHeader("Content-Disposition")).contains(code + ".csv");
        List<CSVRecord> rows = parse(response);
        assertThat(rows).extracting(r -> r.get("username") + " " + r.get("role") + " " + r.get("role in class"))
                .containsExactlyInAnyOrder(teacher + " teacher teacher", student + " student student");
        Api.as(Api.createUser("csv-stranger", "teacher")).accept("text/csv").get("/api/groups/" + code + "/members").then().statusCode(403);
        Api.as(student).accept("text/csv").get("/api/users").then().statusCode(403);
    }
}
