package org.rollcall.roster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The three modes, the preview that writes nothing, and re-uploading the same file. */
@QuarkusTest
class RosterModesTest {

    @Test
    void thePreviewDecidesEveryRowAndWritesNothing() {
        String a = Api.unique("rm-a");
        String b = Api.unique("rm-b");
        String csv = "username,name,email\n" + a + ",Ada A," + a + "@example.org\n" + b + ",Bea B,not-an-email\n";
        Rosters.asAdmin(csv, "dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true))
                .body("counts.create", equalTo(1)).body("counts.rejected", equalTo(1))
                .body("rows.line", contains(2, 3))
                .body("rows.outcome", contains("create", "rejected"))
                .body("rows[1].reasons.field", contains("email"))
                .body("oneTimePasswords", empty());
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);
    }

    @Test
    void addUpdateCreatesThenUpdatesThenFindsNothingToDo() {
        String a = Api.unique("rm-au");
        String csv = "username,name\n" + a + ",Ada Lovelace\n";
        Rosters.asAdmin(csv, null).statusCode(200).body("rows[0].outcome", equalTo("create"))
                .body("oneTimePasswords.username", contains(a));
        Rosters.asAdmin(csv, null).statusCode(200).body("rows[0].outcome", equalTo("unchanged"))
                .body("counts.create", equalTo(0)).body("oneTimePasswords", empty());
        Rosters.asAdmin("username,name\n" + a + ",Ada King\n", null).statusCode(200)
                .body("rows[0].outcome", equalTo("update")).body("rows[0].changes", contains("name"));
        Api.asAdmin().get("/api/users/" + a).then().statusCode(200).body("user.displayName", equalTo("Ada King"));
    }

    @Test
    void addRejectsExistingUsernamesAndUpdateRejectsUnknownOnes() {
        String existing = Api.createUser("rm-ex", "student");
        String fresh = Api.unique("rm-new");
        String csv = "username,name\n" + existing + ",Changed Name\n" + fresh + ",New Person\n";
        Rosters.asAdmin(csv, "mode=add").statusCode(200)
                .body("rows.outcome", contains("rejected", "create"))
                .body("rows[0].reasons[0].message", equalTo("already exists (mode add only creates)"));
        String other = Api.unique("rm-none");
        Rosters.asAdmin("username,name\n" + existing + ",Changed Name\n" + other + ",Nobody\n", "mode=update").statusCode(200)
                .body("rows.outcome", contains("update", "rejected"))
                .body("rows[1].reasons[0].field", equalTo("username"));
        Api.asAdmin().get("/api/users/" + other).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + existing).then().body("user.displayName", equalTo("Changed Name"));
    }

    @Test
    void anUnknownModeIsAFieldError() {
        Rosters.asAdmin("username,name\nx,y\n", "mode=merge").statusCode(400)
                .body("errors.field", contains("mode"));
    }

    @Test
    void classesAreJoinedAndReuploadingAddsNoMembershipTwice() {
        String code = Api.createGroup(null);
        String a = Api.unique("rm-cl");
        String csv = "username,name,classes\n" + a + ",Cleo," + code + "\n";
        Rosters.asAdmin(csv, null).statusCode(200).body("rows[0].outcome", equalTo("create")).body("rows[0].classes", contains(code));
        Rosters.asAdmin(csv, null).statusCode(200).body("rows[0].outcome", equalTo("unchanged"));
        Api.asAdmin().get("/api/groups/" + code + "/members").then().statusCode(200).body("$", hasSize(1));
    }
}
