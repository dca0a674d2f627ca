package org.rollcall.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.Api;
import org.rollcall.transfer.source.Source;
import org.rollcall.transfer.source.Sources;

import io.quarkus.test.junit.QuarkusTest;

/** The Flask app stored "?" and other junk as email: such users come across without an email, with a warning, not rejected. */
@QuarkusTest
class LegacyEmailTest {

    private final Migration migration;

    LegacyEmailTest(Migration migration) {
        this.migration = migration;
    }

    @Test
    void aPlaceholderEmailIsImportedAsNoEmailWithAWarningLine(@TempDir Path dir) throws Exception {
        String admin = Api.unique("legacy-admin");
        String student = Api.unique("legacy-student");
        String kept = Api.unique("legacy-kept");
        Path file = dir.resolve("data.json");
        Files.writeString(file, """
                [{"uid": "%s", "name": "Only Admin", "email": "?", "role": "Admin", "sections": [{"abbreviation": "LEGEMAIL", "name": "Legacy", "year": "2024"}]},
                 {"uid": "%s", "name": "Student", "email": "not an address", "role": "User", "sections": [{"abbreviation": "LEGEMAIL", "name": "Legacy", "year": "2024"}]},
                 {"uid": "%s", "name": "Kept", "email": "%s@example.org", "role": "User"}]
                """.formatted(admin, student, kept, kept), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MigrationReport report;
        try (Source source = Sources.open(file.toString(), new Sources.Options(null, null, List.of(), "2024-25"), "jdbc:none")) {
            report = migration.run(source, false, 100, new Progress(new PrintStream(out), false, Duration.ofHours(1)));
        }
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, report.exitCode(), printed);
        assertTrue(printed.contains("users[0] ('" + admin + "'): email '?' is not an address; imported without an email."), printed);
        assertTrue(printed.contains("users[1] ('" + student + "'): email 'not an address' is not an address"), printed);
        Api.asAdmin().get("/api/users/" + admin).then().statusCode(200).body("user.role", equalTo("admin")).body("user.email", nullValue());
        Api.asAdmin().get("/api/users/" + kept).then().statusCode(200).body("user.email", equalTo(kept + "@example.org"));
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200)
                .body("groups.size()", equalTo(1));
    }
}
