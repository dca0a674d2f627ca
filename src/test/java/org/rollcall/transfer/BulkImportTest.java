package org.rollcall.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.support.Api;
import org.rollcall.transfer.ImportOutcome.Action;
import org.rollcall.user.UserRow;

import io.quarkus.test.junit.QuarkusTest;

/** The bulk entry point any source calls: a preview that writes nothing, then the same outcomes applied in chunks. */
@QuarkusTest
class BulkImportTest {

    private final UserTransfer users;

    BulkImportTest(UserTransfer users) {
        this.users = users;
    }

    private static UserRow row(String username, String email) {
        return new UserRow(username, "Name of " + username, email, "student", null, true, true, null, null, null);
    }

    @Test
    void previewDecidesEveryRowWithReasonsPerFieldAndTheApplyInChunksMatchesIt() {
        String a = Api.unique("eng");
        String b = Api.unique("eng");
        String c = Api.unique("eng");
        List<UserRow> rows = List.of(row(a, null), row(b, "not an address"), row(c, a + "@example.org"), row("", null), row(a, null));

        List<ImportOutcome> preview = users.importAll(Actor.SYSTEM, rows, new ImportRun(true), 2);
        assertEquals(List.of(Action.CREATED, Action.REJECTED, Action.CREATED, Action.REJECTED, Action.REJECTED),
                preview.stream().map(ImportOutcome::action).toList());
        assertEquals("email: is not a valid email address", preview.get(1).reason());
        assertEquals("username: appears more than once in the source", preview.get(4).reason());
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);

        List<ImportOutcome> applied = users.importAll(Actor.SYSTEM, rows, new ImportRun(false), 2);
        assertEquals(preview, applied, "the preview said what the apply did");
        Api.asAdmin().get("/api/users/" + a).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + c).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + b).then().statusCode(404);

        List<ImportOutcome> again = users.importAll(Actor.SYSTEM, List.of(row(a, null), row(c, a + "@example.org")),
                new ImportRun(false), 2);
        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED), again.stream().map(ImportOutcome::action).toList());
    }
}
