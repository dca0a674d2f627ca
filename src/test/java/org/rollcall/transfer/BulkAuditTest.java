package org.rollcall.transfer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.auth.Actor;
import org.rollcall.support.Api;
import org.rollcall.transfer.source.Source;
import org.rollcall.transfer.source.Sources;
import org.rollcall.user.UserRow;

import io.quarkus.test.junit.QuarkusTest;

/** Bulk paths leave an audit trail: an event per chunk naming what changed, and one per migrate run with its counts. */
@QuarkusTest
class BulkAuditTest {

    private final UserTransfer users;
    private final Migration migration;

    BulkAuditTest(UserTransfer users, Migration migration) {
        this.users = users;
        this.migration = migration;
    }

    private static UserRow row(String username) {
        return new UserRow(username, "Name of " + username, null, "student", null, true, true, null, null, null);
    }

    @Test
    void anImportRecordsOneEventPerChunkWithTheUsernamesAndAPreviewRecordsNone() {
        String a = Api.unique("audit-bulk");
        String b = Api.unique("audit-bulk");
        users.importAll(Actor.SYSTEM, List.of(row(a), row(b)), new ImportRun(true), 10);
        Api.asAdmin().queryParam("action", "user.import").queryParam("actor", "system").get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.details.contains('" + a + "') }.size()", equalTo(0));

        users.importAll(Actor.SYSTEM, List.of(row(a), row(b)), new ImportRun(false), 10);
        Api.asAdmin().queryParam("action", "user.import").queryParam("actor", "system").get("/api/audit").then().statusCode(200)
                .body("items[0].target", equalTo("2 users"))
                .body("items[0].details", equalTo("created 2: " + a + ", " + b));
    }

    @Test
    void aMigrateRunRecordsItsCounts(@TempDir Path dir) throws Exception {
        String uid = Api.unique("audit-mig");
        Path file = dir.resolve("data.json");
        Files.writeString(file, "[{\"uid\": \"" + uid + "\", \"name\": \"Migrated\", \"role\": \"User\"}]", StandardCharsets.UTF_8);
        try (Source source = Sources.open(file.toString(), new Sources.Options(null, null, List.of(), "2024-25"), "jdbc:none")) {
            migration.run(source, false, 100, new Progress(new PrintStream(new ByteArrayOutputStream()), false, Duration.ofHours(1)));
        }
        Api.asAdmin().queryParam("action", "database.migrate").get("/api/audit").then().statusCode(200)
                .body("items[0].actor", equalTo("system"))
                .body("items[0].details", containsString("users 1 read, 1 created, 0 updated, 0 unchanged, 0 rejected"))
                .body("items[0].details", containsString("from legacy data.json " + file));
    }
}
