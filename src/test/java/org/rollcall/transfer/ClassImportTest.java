package org.rollcall.transfer;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.support.Api;
import org.rollcall.transfer.ImportOutcome.Action;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.user.UserRow;

import io.quarkus.test.junit.QuarkusTest;

/** The migrate path into classes and memberships keeps the membership rules of the web app. */
@QuarkusTest
class ClassImportTest {

    /** Whole seconds: on MariaDB, Connector/J drops fractions (micro-seconds are covered by the H2 round trip). */
    private static final Instant WHEN = Instant.parse("2022-02-02T10:20:30Z");

    private final ClassTransfer classImport;
    private final UserTransfer userImport;
    private final MembershipTransfer membershipImport;

    ClassImportTest(ClassTransfer classImport, UserTransfer userImport, MembershipTransfer membershipImport) {
        this.classImport = classImport;
        this.userImport = userImport;
        this.membershipImport = membershipImport;
    }

    private static String code() {
        String code = Api.unique("IMP").toUpperCase().replace("-", "");
        return code.substring(0, Math.min(16, code.length()));
    }

    /** A run whose first two chunks imported a class and then a student, as migrate does. */
    private ImportRun runWithClassAndStudent(boolean dryRun, String code, String username) {
        ImportRun run = new ImportRun(dryRun);
        classImport.apply(Actor.SYSTEM, List.of(new ClassRow(code, "Imported", "2025-26", null, null, null, null)), run);
        run.commitChunk();
        userImport.apply(Actor.SYSTEM, List.of(new UserRow(username, "Imported", null, "student", null, true, false, null, null, null)), run);
        run.commitChunk();
        return run;
    }

    private List<Action> actions(List<ImportOutcome> outcomes) {
        return outcomes.stream().map(ImportOutcome::action).toList();
    }

    @Test
    void classesAreUpsertedByCodeWithTheFormsRules() {
        String code = code();
        var first = classImport.apply(Actor.SYSTEM, List.of(new ClassRow(code.toLowerCase(), " Imported ", "2025-26", null, "Ünïcödé", WHEN, WHEN),
                new ClassRow("bad code!", "Bad", "2025-26", null, null, null, null)), new ImportRun(false));
        assertEquals(List.of(Action.CREATED, Action.REJECTED), actions(first));
        assertEquals("code: may contain only letters, digits, '_' and '-'", first.get(1).reason());
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(200)
                .body("name", equalTo("Imported"))
                .body("description", equalTo("Ünïcödé"))
                .body("createdAt", equalTo("2022-02-02T10:20:30Z"));
        var again = classImport.apply(Actor.SYSTEM, List.of(new ClassRow(code, "Imported", "2025-26", null, "Ünïcödé", WHEN, WHEN),
                new ClassRow(code, "Renamed", "2025-26", "4", null, null, null)), new ImportRun(false));
        assertEquals(List.of(Action.UNCHANGED, Action.REJECTED), actions(again), "a code twice in one source: the first wins");
        assertEquals(List.of(Action.UPDATED), actions(classImport.apply(Actor.SYSTEM,
                List.of(new ClassRow(code, "Renamed", "2025-26", "4", null, null, null)), new ImportRun(false))));
        Api.asAdmin().get("/api/groups/" + code).then().body("name", equalTo("Renamed")).body("period", equalTo("4"));
    }

    @Test
    void membershipsNeedTheClassAndTheUserAndAStudentCannotTeach() {
        String code = code();
        String student = Api.createUser("ms", "student");
        String teacher = Api.createUser("mt", "teacher");
        classImport.apply(Actor.SYSTEM, List.of(new ClassRow(code, "Members", "2025-26", null, null, null, null)), new ImportRun(false));
        var outcomes = membershipImport.apply(Actor.SYSTEM, List.of(
                new MembershipRow(code, student.toUpperCase(), "student", WHEN),
                new MembershipRow(code, teacher, "teacher", null),
                new MembershipRow(code, Api.createUser("ms", "student"), "teacher", null),
                new MembershipRow("NOPE" + code, student, "student", null),
                new MembershipRow(code, "nobody-" + student, "student", null),
                new MembershipRow(code, student, "wizard", null),
                new MembershipRow(code, student, "student", null)), new ImportRun(false));
        assertEquals(List.of(Action.CREATED, Action.CREATED, Action.REJECTED, Action.REJECTED, Action.REJECTED, Action.REJECTED,
                Action.REJECTED), actions(outcomes));
        assertEquals("role: a student cannot teach a class", outcomes.get(2).reason());
        assertEquals("group: no class 'NOPE" + code + "'", outcomes.get(3).reason());
        assertEquals("username: no user 'nobody-" + student + "'", outcomes.get(4).reason());
        assertEquals("role: unknown role in class 'wizard': use teacher or student", outcomes.get(5).reason());
        assertEquals("appears more than once in the source", outcomes.get(6).reason());
        Api.asAdmin().get("/api/groups/" + code + "/members").then().statusCode(200)
                .body("username", containsInAnyOrder(student, teacher));

        var rerun = membershipImport.apply(Actor.SYSTEM, List.of(new MembershipRow(code, student, "student", WHEN),
                new MembershipRow(code, teacher, "student", null)), new ImportRun(false));
        assertEquals(List.of(Action.UNCHANGED, Action.UPDATED), actions(rerun));
        Api.asAdmin().get("/api/groups/" + code + "/members").then()
                .body("find { it.username == '" + teacher + "' }.role", equalTo("student"));
    }

    @Test
    void aDryRunCountsClassesAndUsersAcceptedEarlierInTheRunAndWritesNothing() {
        String code = code();
        String username = Api.unique("dryms");
        ImportRun run = runWithClassAndStudent(true, code, username);
        var planned = membershipImport.apply(Actor.SYSTEM, List.of(new MembershipRow(code, username, "student", null),
                new MembershipRow(code, username + "-x", "student", null)), run);
        assertEquals(List.of(Action.CREATED, Action.REJECTED), actions(planned));
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + username).then().statusCode(404);
    }

    /**
     * Memberships of users this run created are not looked up, as none can be stored yet. One added
     * meanwhile through the app makes the database refuse the chunk; its retry looks everything up
     * and finds the membership already there.
     */
    @Test
    void aMembershipAddedMeanwhileToAUserThisRunCreatedIsFoundWhenTheChunkIsRetried() {
        String code = code();
        String username = Api.unique("newms");
        ImportRun run = runWithClassAndStudent(false, code, username);
        Api.asAdmin().contentType("application/json").body(java.util.Map.of("username", username, "role", "student"))
                .post("/api/groups/" + code + "/members").then().statusCode(201);
        List<MembershipRow> rows = List.of(new MembershipRow(code, username, "student", null));

        RuntimeException refused = assertThrows(RuntimeException.class, () -> membershipImport.apply(Actor.SYSTEM, rows, run),
                "without a lookup the chunk inserts the membership again, and the database refuses it");
        SQLException refusal = ImportRun.refusal(refused);
        assertTrue(refusal != null && refusal.getSQLState().startsWith("23"),
                "refused as a constraint violation (SQLState 23...), which migrate retries: " + refused);
        run.discardChunk();
        assertEquals(List.of(Action.UNCHANGED), actions(membershipImport.apply(Actor.SYSTEM, rows, run)));
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("username", containsInAnyOrder(username));
    }

    /** The bulk entry point's retry: a chunk the database refuses is imported again row by row, so the good rows still go in. */
    @Test
    void aRefusedChunkIsRetriedRowByRowAndItsOtherRowsAreImported() {
        String code = code();
        String username = Api.unique("retry");
        String other = Api.unique("retry");
        ImportRun run = runWithClassAndStudent(false, code, username);
        userImport.apply(Actor.SYSTEM, List.of(new UserRow(other, "Other", null, "student", null, true, false, null, null, null)), run);
        run.commitChunk();
        Api.asAdmin().contentType("application/json").body(java.util.Map.of("username", username, "role", "student"))
                .post("/api/groups/" + code + "/members").then().statusCode(201);

        List<ImportOutcome> outcomes = membershipImport.importChunk(Actor.SYSTEM,
                List.of(new MembershipRow(code, username, "student", null), new MembershipRow(code, other, "student", null)), run);
        assertEquals(List.of(Action.UNCHANGED, Action.CREATED), actions(outcomes));
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("username", containsInAnyOrder(username, other));
    }
}
