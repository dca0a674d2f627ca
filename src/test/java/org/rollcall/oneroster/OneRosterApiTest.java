package org.rollcall.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** OneRoster 1.1 CSV in and out, with fixtures written from the specification's tables (src/test/resources/oneroster). */
@QuarkusTest
class OneRosterApiTest {

    /** The fixture directory as a zip, with {run} / {RUN} replaced by a suffix of this run (the test database is shared). */
    static byte[] fixture(String name, String run) throws IOException, URISyntaxException {
        Path dir = Path.of(OneRosterApiTest.class.getResource("/oneroster/" + name).toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readString(file).replace("{run}", run).replace("{RUN}", run.toUpperCase()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String run() {
        return Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    }

    private static JsonPath importZip(byte[] zip, boolean dryRun) {
        return Api.asAdmin().contentType("application/zip").body(zip).queryParam("dryRun", dryRun).post("/api/oneroster/import")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String reason(JsonPath report, String file, String key) {
        return report.getString("files.find { it.file == '" + file + "' }.outcomes.find { it.key == '" + key + "' }.reason");
    }

    private static String action(JsonPath report, String file, String key) {
        return report.getString("files.find { it.file == '" + file + "' }.outcomes.find { it.key == '" + key + "' }.action");
    }

    @Test
    void aStudentInformationSystemsZipIsPreviewedThenAppliedWithAReasonForEveryRowItCannotTake() throws Exception {
        String run = run();
        byte[] zip = fixture("sis-bulk", run);
        String code = "OR" + run.toUpperCase();

        JsonPath preview = importZip(zip, true);
        assertThat(preview.getBoolean("dryRun")).isTrue();
        assertThat(action(preview, "users.csv", "ada" + run)).isEqualTo("CREATED");
        assertThat(action(preview, "enrollments.csv", code + "/ada" + run)).isEqualTo("CREATED");
        Api.asAdmin().get("/api/users/ada" + run).then().statusCode(404);

        JsonPath applied = importZip(zip, false);
        assertThat(applied.getMap("files.find { it.file == 'users.csv' }.counts")).containsEntry("created", 5).containsEntry("rejected", 2);
        assertThat(reason(applied, "users.csv", "aide" + run)).isEqualTo("role: 'aide' is not a Rollcall role (student, teacher, administrator)");
        assertThat(reason(applied, "users.csv", "parent" + run)).contains("'parent' is not a Rollcall role");
        assertThat(reason(applied, "classes.csv", "sourcedId class-2")).startsWith("classCode: is required");
        assertThat(reason(applied, "enrollments.csv", "sourcedId e-4")).isEqualTo("userSourcedId: no user 'u-99' in users.csv");
        assertThat(reason(applied, "enrollments.csv", "sourcedId e-5")).isEqualTo("classSourcedId: no class 'class-9' in classes.csv");
        assertThat(reason(applied, "enrollments.csv", code + "/edsger" + run)).contains("'administrator' is not a role in a Rollcall class");
        // the aide's row was rejected, so their enrollment names a user the zip did not give
        assertThat(reason(applied, "enrollments.csv", "sourcedId e-7")).isEqualTo("userSourcedId: no user 'u-6' in users.csv");

        Api.asAdmin().get("/api/users/ada" + run).then().statusCode(200).body("user.displayName", equalTo("Ada Lovelace"))
                .body("user.email", equalTo("ada" + run + "@example.org")).body("user.role", equalTo("student"));
        Api.asAdmin().get("/api/users/edsger" + run).then().body("user.role", equalTo("admin"));
        Api.asAdmin().get("/api/users/barbara" + run).then().body("user.enabled", equalTo(false));
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(200).body("name", equalTo("Computer Science A"))
                .body("term", equalTo("2025-26")).body("period", equalTo("3"))
                .body("members.find { it.username == 'grace" + run + "' }.role", equalTo("teacher"))
                .body("members.size()", equalTo(3));

        JsonPath again = importZip(zip, false);
        assertThat(action(again, "users.csv", "ada" + run)).isEqualTo("UNCHANGED");
        assertThat(action(again, "enrollments.csv", code + "/ada" + run)).isEqualTo("UNCHANGED");
    }

    @Test
    void tobedeletedInADeltaDisablesAndNeverDeletes() throws Exception {
        String run = run();
        importZip(fixture("sis-bulk", run), false);
        JsonPath delta = importZip(fixture("delta-tobedeleted", run), false);
        assertThat(action(delta, "users.csv", "alan" + run)).isEqualTo("UPDATED");
        assertThat(reason(delta, "users.csv", "nobody" + run)).isEqualTo("status tobedeleted: there is no such user to disable");
        Api.asAdmin().get("/api/users/alan" + run).then().statusCode(200).body("user.enabled", equalTo(false))
                .body("user.displayName", equalTo("Alan Turing"));
        Api.asAdmin().get("/api/groups/OR" + run.toUpperCase()).then().body("members.username", org.hamcrest.Matchers.hasItem("alan" + run));
    }

    @Test
    void aZipWithoutManifestOrNotAZipIsRefusedWhole() throws Exception {
        Api.asAdmin().contentType("application/zip").body(fixture("no-manifest", run())).post("/api/oneroster/import").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].message", equalTo("The file has no manifest.csv: a OneRoster 1.1 zip lists its files in manifest.csv."));
        Api.asAdmin().contentType("application/zip").body("username,name\nada,Ada\n".getBytes()).post("/api/oneroster/import").then()
                .statusCode(400).body("errors[0].message", containsString("not a zip file"));
    }

    @Test
    void onlyAdminsImportAndExport() throws Exception {
        String teacher = Api.createUser("or-teacher", "teacher");
        Api.as(teacher).contentType("application/zip").body(fixture("sis-bulk", run())).post("/api/oneroster/import").then().statusCode(403);
        Api.as(teacher).accept("application/zip").get("/api/oneroster/export").then().statusCode(403);
    }

    static Map<String, List<CSVRecord>> unzip(byte[] zip) throws IOException {
        Map<String, List<CSVRecord>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                files.put(e.getName(), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                        .getRecords());
            }
        }
        return files;
    }

    @Test
    void theExportHasEveryFileWithTheSpecificationsColumnsStableIdsAndNoPassword() throws IOException {
        String teacher = Api.createUser("or-exp", "teacher");
        String code = Api.createGroup(teacher);
        byte[] zip = Api.asAdmin().accept("application/zip").get("/api/oneroster/export").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, List<CSVRecord>> files = unzip(zip);
        assertThat(files).containsOnlyKeys("manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv",
                "enrollments.csv");
        assertThat(files.get("users.csv").get(0).getParser().getHeaderNames()).isEqualTo(OneRosterFiles.USER_COLUMNS);
        assertThat(files.get("classes.csv").get(0).getParser().getHeaderNames()).isEqualTo(OneRosterFiles.CLASS_COLUMNS);
        assertThat(files.get("enrollments.csv").get(0).getParser().getHeaderNames()).isEqualTo(OneRosterFiles.ENROLLMENT_COLUMNS);
        CSVRecord user = files.get("users.csv").stream().filter(r -> r.get("username").equals(teacher)).findFirst().orElseThrow();
        assertThat(user.get("sourcedId")).isEqualTo("rc-user-" + teacher);
        assertThat(user.get("role")).isEqualTo("teacher");
        assertThat(user.get("password")).isEmpty();
        assertThat(files.get("users.csv")).allSatisfy(r -> assertThat(r.get("password")).isEmpty());
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain("$argon2id$").doesNotContain("$2a$");
        assertThat(files.get("users.csv").stream().filter(r -> r.get("username").equals(Api.ADMIN)).findFirst().orElseThrow().get("role"))
                .isEqualTo("administrator");
        assertThat(files.get("enrollments.csv")).anySatisfy(r -> {
            assertThat(r.get("classSourcedId")).isEqualTo("rc-class-" + code);
            assertThat(r.get("userSourcedId")).isEqualTo("rc-user-" + teacher);
            assertThat(r.get("role")).isEqualTo("teacher");
        });
        assertThat(files.get("orgs.csv").get(0).get("name")).isEqualTo("School");
        assertThat(files.get("academicSessions.csv")).anySatisfy(r -> assertThat(r.get("title") + " " + r.get("startDate"))
                .isEqualTo("2025-26 2025-08-01"));
        byte[] second = Api.asAdmin().accept("application/zip").get("/api/oneroster/export").then().extract().asByteArray();
        assertThat(unzip(second).get("classes.csv").stream().filter(r -> r.get("classCode").equals(code)).findFirst().orElseThrow()
                .get("sourcedId")).isEqualTo("rc-class-" + code);
    }
}
