package org.rollcall.kasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.spec.KeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.scim.ProvisioningClients;
import org.rollcall.support.Api;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.Waits;
import org.rollcall.transfer.ImportRun;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.user.UserRow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every path that changes what Kasm must know writes its event to the outbox, and Kasm (the fake)
 * ends up saying what Rollcall says: the API and pages' service calls, a roster import, a bulk
 * action, a class mapped to a Kasm group, a legacy user's first login.
 */
@QuarkusTest
@QuarkusTestResource(value = KasmTestResource.class, restrictToAnnotatedClass = true)
class KasmPathsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    FakeKasm kasm;
    @Inject
    DataSource dataSource;
    @Inject
    UserTransfer userTransfer;
    @Inject
    ProvisioningClients clients;

    @Test
    void aCreatedUserIsCreatedInKasmWithTheirNameAndPassword() throws SQLException {
        String username = Api.createUser("kc", "student");
        assertThat(events(username)).containsExactly("USER");
        Waits.until(DELIVERY, "user in Kasm", () -> kasm.user(username) != null);
        FakeKasm.User user = kasm.user(username);
        assertThat(user.password).isEqualTo(Api.PASSWORD);
        assertThat(user.firstName).isEqualTo("Test");
        assertThat(user.lastName).isEqualTo(username);
        assertThat(user.disabled).isFalse();
    }

    @Test
    void renameDisableResetAndOwnPasswordChangeReachKasm() throws SQLException {
        String username = Api.createUser("kr", "student");
        long version = ((Number) Api.asAdmin().get("/api/users/" + username).then().statusCode(200).extract().path("user.version")).longValue();
        Api.asAdmin().body(Map.of("displayName", "Ada King Lovelace", "role", "student", "version", version))
                .put("/api/users/" + username).then().statusCode(200);
        Waits.until(DELIVERY, "renamed in Kasm", () -> kasm.user(username) != null && kasm.user(username).lastName.equals("Lovelace"));
        assertThat(kasm.user(username).firstName).isEqualTo("Ada King");

        Api.asAdmin().post("/api/users/" + username + "/disable").then().statusCode(200);
        Waits.until(DELIVERY, "disabled and logged out in Kasm", () -> kasm.user(username).disabled && kasm.user(username).logouts > 0);
        Api.asAdmin().post("/api/users/" + username + "/enable").then().statusCode(200);
        Waits.until(DELIVERY, "enabled in Kasm", () -> !kasm.user(username).disabled);

        String temporary = Api.asAdmin().body(Map.of()).post("/api/users/" + username + "/password-reset").then().statusCode(200)
                .extract().path("temporaryPassword");
        Waits.until(DELIVERY, "reset password in Kasm", () -> temporary.equals(kasm.user(username).password));

        Api.as(username, temporary).body(Map.of("currentPassword", temporary, "newPassword", "my-own-secret-9"))
                .put("/api/me/password").then().statusCode(204);
        Waits.until(DELIVERY, "own password in Kasm", () -> "my-own-secret-9".equals(kasm.user(username).password));

        assertThat(events(username)).containsExactly("USER", "USER", "USER", "USER", "USER", "USER");
        assertThat(kasm.callsNaming(username)).as("one create, then updates").containsOnlyOnce("create_user");
    }

    @Test
    void aProvisioningClientsRenameKeepsTheKasmUserAndItsPasswordReachesKasm() throws SQLException {
        String secret = clients.create(Actor.SYSTEM, Api.unique("kasm-idp")).secret();
        String before = Api.unique("kn");
        String after = Api.unique("kn-renamed");
        String id = createdByScim(secret, before, "first-secret-123");
        Waits.until(DELIVERY, "user in Kasm", () -> kasm.user(before) != null);
        String kasmId = kasm.user(before).userId;
        assertThat(kasm.user(before).password).isEqualTo("first-secret-123");

        scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"userName","value":"%s"},{"op":"Replace","path":"password","value":"second-secret-456"}]}"""
                .formatted(after)).patch("/scim/v2/Users/" + id).then().statusCode(204);

        Waits.until(DELIVERY, "renamed in Kasm", () -> kasm.user(after) != null && "second-secret-456".equals(kasm.user(after).password));
        assertThat(kasm.user(after).userId).as("the same Kasm user, renamed").isEqualTo(kasmId);
        assertThat(kasm.user(before)).as("no Kasm user keeps the old name").isNull();
        assertThat(kasm.requests().stream().filter(r -> r.call().equals("create_user")).filter(r -> r.body().contains(before)
                || r.body().contains(after))).as("created once").hasSize(1);
    }

    @Test
    void aRenameWhileKasmIsStillCreatingTheUserKeepsThatOneKasmUser() throws SQLException {
        String before = Api.unique("kf");
        String after = Api.unique("kf-renamed");
        String kasmId = renamedWhileKasmCreates(before, after);
        assertRenamedInKasm(before, after, kasmId);
        assertThat(kasm.user(after).password).isEqualTo("first-secret-123");
    }

    @Test
    void aCreateWhoseAnswerIsLostDuringARenameIsRetriedOntoTheSameKasmUser() throws SQLException {
        String before = Api.unique("kl");
        String after = Api.unique("kl-renamed");
        kasm.loseAnswersOf("create_user");   // once released, the held answer is lost: the create is retried under the new name
        try {
            assertRenamedInKasm(before, after, renamedWhileKasmCreates(before, after));
        } finally {
            kasm.loseAnswersOf(null);
        }
    }

    /** A provisioning client creates {@code before} and renames them while Kasm's answer to the create is held; the Kasm user's id. */
    private String renamedWhileKasmCreates(String before, String after) {
        String secret = clients.create(Actor.SYSTEM, Api.unique("kasm-idp")).secret();
        kasm.holdAnswersOf("create_user");
        try {
            String id = createdByScim(secret, before, "first-secret-123");
            Waits.until(DELIVERY, "created in Kasm, its answer not yet back", () -> kasm.user(before) != null);
            String kasmId = kasm.user(before).userId;
            scim(secret).body("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"Replace","path":"userName","value":"%s"}]}""".formatted(after))
                    .patch("/scim/v2/Users/" + id).then().statusCode(204);
            return kasmId;
        } finally {
            kasm.releaseAnswers();
        }
    }

    private void assertRenamedInKasm(String before, String after, String kasmId) {
        Waits.until(DELIVERY, "renamed in Kasm", () -> kasm.user(after) != null);
        assertThat(kasm.user(after).userId).as("the Kasm user created under the old name, renamed").isEqualTo(kasmId);
        assertThat(kasm.user(before)).as("no Kasm user keeps the old name").isNull();
        assertThat(kasm.callsNaming(after)).as("nothing created under the new name").doesNotContain("create_user");
    }

    /** Creates the user through SCIM, as an identity provider does; their SCIM id. */
    private static String createdByScim(String secret, String username, String password) {
        return scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"Ada Lovelace",
                 "password":"%s","active":true}""".formatted(username, password))
                .post("/scim/v2/Users").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification scim(String secret) {
        return io.restassured.RestAssured.given().contentType("application/scim+json").header("Authorization", "Bearer " + secret);
    }

    @Test
    void aDeletedUserIsDisabledInKasmNotDeleted() throws SQLException {
        String username = Api.createUser("kd", "student");
        Waits.until(DELIVERY, "user in Kasm", () -> kasm.user(username) != null);
        Api.asAdmin().delete("/api/users/" + username).then().statusCode(204);
        assertThat(events(username)).containsExactly("USER", "DELETE");
        Waits.until(DELIVERY, "disabled in Kasm", () -> kasm.user(username).disabled && kasm.user(username).logouts > 0);
        assertThat(kasm.user(username)).as("KASM_DELETE_USERS is off: kept in Kasm").isNotNull();
    }

    @Test
    void membersOfAClassMappedToAKasmGroupJoinAndLeaveIt() throws SQLException {
        String teacher = Api.createUser("kt", "teacher");
        String code = Api.createGroup(teacher);
        String student = Api.createUser("ks", "student");
        // a teacher may not map their class to a Kasm group: refused, nothing changed
        long version = ((Number) Api.as(teacher).get("/api/groups/" + code).then().extract().path("version")).longValue();
        Api.as(teacher).body(Map.of("code", code, "name", "Class " + code, "term", "2025-26", "version", version, "kasmGroupId", "g-1"))
                .put("/api/groups/" + code).then().statusCode(403);
        Api.asAdmin().body(Map.of("code", code, "name", "Class " + code, "term", "2025-26", "version", version, "kasmGroupId", "g-lab"))
                .put("/api/groups/" + code).then().statusCode(200).body("kasmGroupId", equalTo("g-lab"));
        Waits.until(DELIVERY, "the teacher put in the group", () -> kasm.user(teacher) != null && kasm.user(teacher).groups.contains("g-lab"));

        Api.addMember(code, student, "student");
        Waits.until(DELIVERY, "student in the group", () -> kasm.user(student) != null && kasm.user(student).groups.contains("g-lab"));
        Api.asAdmin().delete("/api/groups/" + code + "/members/" + student).then().statusCode(204);
        Waits.until(DELIVERY, "student out of the group", () -> !kasm.user(student).groups.contains("g-lab"));
        assertThat(events(student)).containsExactly("USER", "JOIN", "LEAVE");
        // a redelivered join finds the user in the group already and changes nothing
        assertThat(kasm.callsNaming(student)).containsOnlyOnce("create_user");
    }

    @Test
    void leavingOneOfTwoClassesMappedToTheSameGroupKeepsTheKasmGroup() {
        String first = mappedClass("g-shared");
        String second = mappedClass("g-shared");
        String student = Api.createUser("ksh", "student");
        Api.addMember(first, student, "student");
        Api.addMember(second, student, "student");
        Waits.until(DELIVERY, "in the shared group", () -> kasm.user(student) != null && kasm.user(student).groups.contains("g-shared"));
        Api.asAdmin().delete("/api/groups/" + first + "/members/" + student).then().statusCode(204);
        // the user's next change goes out after the removal (in order per user): once it arrived, the removal was decided
        Api.asAdmin().post("/api/users/" + student + "/disable").then().statusCode(200);
        Waits.until(DELIVERY, "the later change delivered", () -> kasm.user(student).disabled);
        assertThat(kasm.user(student).groups).as("still in the other class of the group").contains("g-shared");
        Api.asAdmin().delete("/api/groups/" + second + "/members/" + student).then().statusCode(204);
        Waits.until(DELIVERY, "out of the group with the last class", () -> !kasm.user(student).groups.contains("g-shared"));
    }

    private static String mappedClass(String group) {
        String code = Api.createGroup(null);
        long version = ((Number) Api.asAdmin().get("/api/groups/" + code).then().extract().path("version")).longValue();
        Api.asAdmin().body(Map.of("code", code, "name", "Class " + code, "term", "2025-26", "version", version, "kasmGroupId", group))
                .put("/api/groups/" + code).then().statusCode(200);
        return code;
    }

    @Test
    void aRosterImportCreatesItsStudentsInKasmWithTheirOneTimePasswordsAndClasses() throws SQLException {
        String code = Api.createGroup(null);
        long version = ((Number) Api.asAdmin().get("/api/groups/" + code).then().extract().path("version")).longValue();
        Api.asAdmin().body(Map.of("code", code, "name", "Class " + code, "term", "2025-26", "version", version, "kasmGroupId", "g-csv"))
                .put("/api/groups/" + code).then().statusCode(200);
        String a = Api.unique("kia");
        String b = Api.unique("kib");
        var report = Api.asAdmin().contentType("text/csv").body(("username,name,classes\n" + a + ",Ann Able," + code + "\n" + b + ",Bo Bee,"
                + code + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/users/import").then().statusCode(200).extract();
        List<Map<String, String>> passwords = report.path("oneTimePasswords");
        assertThat(passwords).hasSize(2);
        assertThat(events(a)).containsExactly("USER", "JOIN");
        for (Map<String, String> p : passwords) {
            String username = p.get("username");
            Waits.until(DELIVERY, username + " in Kasm with the class's group",
                    () -> kasm.user(username) != null && kasm.user(username).groups.contains("g-csv"));
            assertThat(kasm.user(username).password).isEqualTo(p.get("password"));
        }
        assertThat(kasm.user(a).lastName).isEqualTo("Able");
    }

    @Test
    void aBulkDisableDisablesEveryoneInKasm() throws SQLException {
        String a = Api.createUser("kba", "student");
        String b = Api.createUser("kbb", "student");
        Api.asAdmin().body(Map.of("action", "disable", "usernames", List.of(a, b))).post("/api/users/bulk").then().statusCode(200);
        assertThat(events(a)).containsExactly("USER", "USER");
        Waits.until(DELIVERY, "both disabled in Kasm", () -> kasm.user(a) != null && kasm.user(a).disabled
                && kasm.user(b) != null && kasm.user(b).disabled);
    }

    @Test
    void aMigratedUsersFirstLoginGivesKasmTheirPassword() throws Exception {
        String username = Api.unique("klegacy");
        String password = "flask-era-secret-1";
        userTransfer.apply(Actor.SYSTEM, List.of(new UserRow(username, "Old Timer", null, "student", werkzeug(password), true, false,
                null, null, null)), new ImportRun(false));
        Waits.until(DELIVERY, "migrated user in Kasm", () -> kasm.user(username) != null);
        assertThat(kasm.user(username).password).as("migrate knows no password in clear").isNotEqualTo(password);

        Api.as(username, password).get("/api/me").then().statusCode(200);
        Waits.until(DELIVERY, "the password in Kasm", () -> password.equals(kasm.user(username).password));
        assertThat(events(username)).containsExactly("USER", "USER");
    }

    /** A Werkzeug PBKDF2 hash as the Flask app stored it. */
    private static String werkzeug(String password) throws Exception {
        String salt = "kasmsalt";
        KeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 1000, 256);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return "pbkdf2:sha256:1000$" + salt + "$" + HexFormat.of().formatHex(hash);
    }

    private List<String> events(String username) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select kind from kasm_outbox where username = ? order by id")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }
}
