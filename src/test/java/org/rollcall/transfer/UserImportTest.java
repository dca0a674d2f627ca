package org.rollcall.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.support.Api;
import org.rollcall.transfer.ImportOutcome.Action;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.user.Role;
import org.rollcall.user.UserRow;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;

/** The migrate path into users: same rules as the API, hashes kept as given, dry runs write nothing. */
@QuarkusTest
class UserImportTest {

    /** Whole seconds: on MariaDB, Connector/J drops fractions (micro-seconds are covered by the H2 round trip). */
    private static final Instant CREATED = Instant.parse("2021-09-01T08:15:30Z");
    private static final String HASH = BcryptUtil.bcryptHash(Api.PASSWORD);

    private final UserTransfer userImport;

    UserImportTest(UserTransfer userImport) {
        this.userImport = userImport;
    }

    static UserRow row(String username, String email) {
        return new UserRow(username, "Name of " + username, email, "student", HASH, true, false, null, CREATED, CREATED);
    }

    private List<Action> actions(List<ImportOutcome> outcomes) {
        return outcomes.stream().map(ImportOutcome::action).toList();
    }

    @Test
    void importedUserKeepsHashAndTimestampsAndCanLogIn() {
        String name = Api.unique("imp");
        var outcomes = userImport.apply(Actor.SYSTEM, List.of(row(name.toUpperCase(), name + "@Example.org")), new ImportRun(false));
        assertEquals(List.of(ImportOutcome.created(name)), outcomes);
        Api.as(name).get("/api/me").then().statusCode(200)
                .body("username", equalTo(name))
                .body("email", equalTo(name + "@example.org"))
                .body("createdAt", equalTo("2021-09-01T08:15:30Z"));
    }

    @Test
    void rerunIsUnchangedAndAChangedFieldUpdatesInPlace() {
        String a = Api.unique("rerun");
        String b = Api.unique("rerun");
        userImport.apply(Actor.SYSTEM, List.of(row(a, null), row(b, null)), new ImportRun(false));
        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED),
                actions(userImport.apply(Actor.SYSTEM, List.of(row(a, null), row(b, null)), new ImportRun(false))));
        UserRow renamed = new UserRow(b, "Renamed", null, "teacher", null, false, true, null, null, null);
        assertEquals(List.of(Action.UPDATED), actions(userImport.apply(Actor.SYSTEM, List.of(renamed), new ImportRun(false))));
        Api.asAdmin().get("/api/users/" + b).then().statusCode(200)
                .body("user.displayName", equalTo("Renamed"))
                .body("user.role", equalTo("teacher"))
                .body("user.enabled", equalTo(false))
                .body("user.passwordSet", equalTo(true))
                .body("user.createdAt", equalTo("2021-09-01T08:15:30Z"));
        Api.asAdmin().queryParam("q", b).get("/api/users").then().body("total", equalTo(1));
    }

    @Test
    void invalidRowsAreRejectedWithTheirReasonAndTheRestImported() {
        String good = Api.unique("good");
        String taken = Api.createUser("taken", "student");
        String takenEmail = Api.unique("mail") + "@example.org";
        userImport.apply(Actor.SYSTEM, List.of(row(taken + "x", takenEmail)), new ImportRun(false));
        String dup = Api.unique("dup");
        var outcomes = userImport.apply(Actor.SYSTEM, List.of(
                row("bad name!", null),
                row(good, "not-an-email"),
                new UserRow(Api.unique("role"), "R", null, "wizard", null, true, false, null, null, null),
                new UserRow(Api.unique("scrypt"), "S", null, "student", "scrypt:32768:8:1$abc$def", true, false, null, null, null),
                new UserRow(Api.unique("plain"), "P", null, "student", "hunter2-in-clear", true, false, null, null, null),
                row(Api.unique("other"), takenEmail),
                row(dup, null),
                row(dup.toUpperCase(), null),
                row(good, null)), new ImportRun(false));
        assertEquals(List.of(Action.REJECTED, Action.REJECTED, Action.REJECTED, Action.REJECTED, Action.REJECTED, Action.REJECTED,
                Action.CREATED, Action.REJECTED, Action.CREATED), actions(outcomes));
        assertTrue(outcomes.get(0).reason().startsWith("username: may contain only"), outcomes.get(0).reason());
        assertTrue(outcomes.get(1).reason().startsWith("email: "), outcomes.get(1).reason());
        assertTrue(outcomes.get(2).reason().contains("unknown role 'wizard'"), outcomes.get(2).reason());
        assertTrue(outcomes.get(3).reason().contains("uses 'scrypt'"), outcomes.get(3).reason());
        assertFalse(outcomes.get(4).reason().contains("hunter2"), "a clear-text password must not be echoed");
        assertEquals("email: is already used by user '" + taken + "x'", outcomes.get(5).reason());
        assertEquals("username: appears more than once in the source", outcomes.get(7).reason());
        Api.asAdmin().get("/api/users/" + good).then().statusCode(200);
    }

    @Test
    void dryRunReportsTheSameOutcomesAndWritesNothing() {
        String existing = Api.unique("dry");
        userImport.apply(Actor.SYSTEM, List.of(row(existing, null)), new ImportRun(false));
        String fresh = Api.unique("dry");
        List<UserRow> rows = List.of(row(fresh, null), new UserRow(existing, "Changed", null, "student", null, true, false, null, null, null),
                row(fresh, null));
        var planned = userImport.apply(Actor.SYSTEM, rows, new ImportRun(true));
        assertEquals(List.of(Action.CREATED, Action.UPDATED, Action.REJECTED), actions(planned));
        Api.asAdmin().get("/api/users/" + fresh).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + existing).then().body("user.displayName", equalTo("Name of " + existing));
        assertEquals(planned, userImport.apply(Actor.SYSTEM, rows, new ImportRun(false)));
    }

    @Test
    void aRowThatMakesATeachingAccountAStudentIsRejectedNamingTheClasses() {
        String teacher = Api.createUser("imp-t", "teacher");
        String code = Api.createGroup(teacher);
        String other = Api.createUser("imp-o", "teacher");
        UserRow demoted = new UserRow(teacher, "Test " + teacher, null, "student", null, true, false, null, null, null);
        UserRow alsoDemoted = new UserRow(other, "Test " + other, null, "student", null, true, false, null, null, null);
        for (boolean dryRun : List.of(true, false)) {
            var outcomes = userImport.apply(Actor.SYSTEM, List.of(demoted, alsoDemoted), new ImportRun(dryRun));
            assertEquals(Action.REJECTED, outcomes.get(0).action());
            assertEquals("role: cannot be student while they teach " + code
                    + ": remove them as teacher there first, or make them a student in that class", outcomes.get(0).reason());
            assertEquals(Action.UPDATED, outcomes.get(1).action(), "an account that teaches no class may become a student");
        }
        Api.asAdmin().get("/api/users/" + teacher).then().body("user.role", equalTo("teacher"));
        Api.asAdmin().get("/api/users/" + other).then().body("user.role", equalTo("student"));
    }

    @Test
    void teachersImportStudentsOnlyAndStudentsNothing() {
        var teacher = new Actor(12345L, "t", Role.TEACHER);
        UserRow student = row(Api.unique("x"), null);
        UserRow colleague = new UserRow(Api.unique("x"), "A teacher", null, "teacher", HASH, true, false, null, CREATED, CREATED);
        List<ImportOutcome> outcomes = userImport.apply(teacher, List.of(student, colleague), new ImportRun(true));
        assertEquals(List.of(Action.CREATED, Action.REJECTED), actions(outcomes));
        assertEquals("role: only an admin can import teachers", outcomes.get(1).reason());
        var pupil = new Actor(12346L, "s", Role.STUDENT);
        assertThrows(DomainException.class, () -> userImport.apply(pupil, List.of(row(Api.unique("x"), null)), new ImportRun(true)));
    }
}
