package org.rollcall.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;
import org.rollcall.support.Waits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** GET one user and the users list answer from what they read last, and never show a change made here late. */
@QuarkusTest
class UserReadCacheTest {

    @Inject
    UserReadCache cache;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;

    @Test
    void aChangeMadeThroughThisInstanceShowsAtOnce() {
        String student = Api.createUser("dc", "student");
        String code = Api.createGroup(null);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("groups", empty());

        long version = ((Number) Api.asAdmin().get("/api/users/" + student).then().extract().path("user.version")).longValue();
        Api.asAdmin().body(Map.of("displayName", "Renamed Right Away", "role", "student", "version", version))
                .put("/api/users/" + student).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("user.displayName", equalTo("Renamed Right Away"));

        Api.addMember(code, student, "student");
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("groups.code", contains(code));

        long classVersion = ((Number) Api.asAdmin().get("/api/groups/" + code).then().extract().path("version")).longValue();
        Api.asAdmin().body(Map.of("code", code, "name", "Renamed Class", "term", "2025-26", "version", classVersion))
                .put("/api/groups/" + code).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("groups.name", contains("Renamed Class"));

        Api.asAdmin().delete("/api/users/" + student).then().statusCode(204);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(404);
    }

    @Test
    void aChangeMadeElsewhereShowsWhenTheKeptAnswerExpires() throws SQLException {
        String student = Api.createUser("de", "student");
        Supplier<RequestSpecification> admin = adminSession();
        for (int read = 0; read < 2; read++) {   // kept from the second read
            admin.get().get("/api/users/" + student).then().statusCode(200).body("user.displayName", equalTo("Test " + student));
        }
        // as another instance (or a command) would: a committed change this instance ran no transaction for
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE app_user SET display_name = ? WHERE username = ?")) {
            update.setString(1, "Changed Elsewhere");
            update.setString(2, student);
            assertEquals(1, update.executeUpdate());
        }
        admin.get().get("/api/users/" + student).then().statusCode(200).body("user.displayName", equalTo("Test " + student));
        // kept for 10 s (application.properties); the wait allows for a slow machine
        Waits.until(Duration.ofSeconds(20), "the change made elsewhere shown", () -> "Changed Elsewhere".equals(
                admin.get().get("/api/users/" + student).then().statusCode(200).extract().path("user.displayName")));
    }

    @Test
    void aTeacherIsRefusedAUserAnAdminJustRead() {
        String teacher = Api.createUser("dt", "teacher");
        String colleague = Api.createUser("dk", "teacher");
        Api.as(teacher).get("/api/me").then().statusCode(200);   // the token made and its first use written now
        Api.asAdmin().get("/api/users/" + colleague).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + colleague).then().statusCode(200);
        // teachers see the teachers of their own classes only
        Api.as(teacher).get("/api/users/" + colleague).then().statusCode(403);

        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        Api.as(teacher).get("/api/users/" + colleague).then().statusCode(200).body("groups.code", contains(code));
    }

    @Test
    void aSearchShowsAChangeMadeThroughThisInstanceAtOnce() {
        String term = Api.unique("ks");
        String first = Api.createUser(term, "student");
        for (int read = 0; read < 3; read++) {   // kept from the second read
            Api.asAdmin().get("/api/users?q=" + term).then().statusCode(200).body("items.username", contains(first)).body("total", equalTo(1));
        }
        String second = Api.createUser(term, "student");
        Api.asAdmin().get("/api/users?q=" + term).then().statusCode(200)
                .body("items.username", containsInAnyOrder(first, second)).body("total", equalTo(2));

        for (int read = 0; read < 3; read++) {
            Api.asAdmin().get("/api/users?q=" + term + "&sort=name").then().statusCode(200)
                    .body("items.displayName", contains("Test " + first, "Test " + second));
        }
        long version = ((Number) Api.asAdmin().get("/api/users/" + first).then().extract().path("user.version")).longValue();
        Api.asAdmin().body(Map.of("displayName", "Searched Renamed", "role", "student", "version", version))
                .put("/api/users/" + first).then().statusCode(200);
        Api.asAdmin().get("/api/users?q=" + term + "&sort=name").then().statusCode(200)
                .body("items.displayName", contains("Searched Renamed", "Test " + second));

        Api.asAdmin().delete("/api/users/" + second).then().statusCode(204);
        Api.asAdmin().get("/api/users?q=" + term).then().statusCode(200).body("items.username", contains(first));
    }

    @Test
    void aSearchShowsAChangeMadeElsewhereWhenTheKeptPageExpires() throws SQLException {
        String term = Api.unique("ke");
        String student = Api.createUser(term, "student");
        Supplier<RequestSpecification> admin = adminSession();
        for (int read = 0; read < 2; read++) {
            admin.get().get("/api/users?q=" + term).then().statusCode(200).body("items.enabled", contains(true));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE app_user SET enabled = ? WHERE username = ?")) {
            update.setBoolean(1, false);
            update.setString(2, student);
            assertEquals(1, update.executeUpdate());
        }
        admin.get().get("/api/users?q=" + term).then().statusCode(200).body("items.enabled", contains(true));
        Waits.until(Duration.ofSeconds(20), "the change made elsewhere shown in the list", () -> Boolean.FALSE.equals(
                admin.get().get("/api/users?q=" + term).then().statusCode(200).extract().path("items[0].enabled")));
    }

    @Test
    void aTeacherNeverGetsThePageKeptForAnAdminOrAnotherTeacher() {
        String term = Api.unique("kt");
        // teachers see every student, and the teachers of their own classes only
        String mine = Api.createUser(term, "teacher");
        String theirs = Api.createUser(term, "teacher");
        String teacher = Api.createUser("ktt", "teacher");
        String other = Api.createUser("kto", "teacher");
        String taught = Api.createGroup(teacher);
        Api.addMember(taught, mine, "teacher");
        Api.addMember(Api.createGroup(other), theirs, "teacher");
        Api.as(teacher).get("/api/me").then().statusCode(200);   // their tokens made and first used now
        Api.as(other).get("/api/me").then().statusCode(200);
        for (int read = 0; read < 3; read++) {
            Api.asAdmin().get("/api/users?q=" + term).then().statusCode(200).body("items.username", containsInAnyOrder(mine, theirs));
            Api.as(teacher).get("/api/users?q=" + term).then().statusCode(200).body("items.username", contains(mine)).body("total", equalTo(1));
            Api.as(other).get("/api/users?q=" + term).then().statusCode(200).body("items.username", contains(theirs)).body("total", equalTo(1));
        }
        // the colleague leaves the teacher's class: the teacher's kept page no longer shows them
        Api.asAdmin().delete("/api/groups/" + taught + "/members/" + mine).then().statusCode(204);
        Api.as(teacher).get("/api/users?q=" + term).then().statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void aPageIsKeptFromItsSecondReadForExactlyItsOwnSearchViewerAndPage() {
        Actor admin = new Actor(1, "admin", Role.ADMIN);
        Actor teacher = new Actor(2, "teacher", Role.TEACHER);
        UserQuery query = UserQuery.of(Api.unique("kq"), null, null, null, null);
        PageRequest page = PageRequest.of(0, 20);
        AtomicInteger reads = new AtomicInteger();
        cache.search(admin, query, page, countingPage(reads));
        cache.search(admin, query, page, countingPage(reads));
        assertEquals(2, reads.get(), "a page read once is not kept");
        cache.search(admin, query, page, countingPage(reads));
        assertEquals(2, reads.get(), "read twice, the page is kept and served");
        cache.search(new Actor(3, "other-admin", Role.ADMIN), query, page, countingPage(reads));
        assertEquals(2, reads.get(), "admins share what they may all see");

        List<Supplier<Page<UserView>>> others = List.of(
                () -> cache.search(teacher, query, page, countingPage(reads)),
                () -> cache.search(admin, query, PageRequest.of(1, 20), countingPage(reads)),
                () -> cache.search(admin, query, PageRequest.of(0, 10), countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q(), null, null, null, "-username"), page, countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q(), null, null, null, "name"), page, countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q() + "x", null, null, null, null), page, countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q(), "student", null, null, null), page, countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q(), null, "G1", null, null), page, countingPage(reads)),
                () -> cache.search(admin, UserQuery.of(query.q(), null, null, true, null), page, countingPage(reads)));
        for (int i = 0; i < others.size(); i++) {
            others.get(i).get();
            assertEquals(3 + i, reads.get(), "search " + i + " differs from the kept one in one thing and reads the database");
        }

        UserQuery large = UserQuery.of(Api.unique("kl"), null, null, null, null);
        for (int read = 0; read < 3; read++) {
            cache.search(admin, large, PageRequest.of(0, UserReadCache.KEPT_PAGE_SIZE + 1), countingPage(reads));
        }
        assertEquals(2 + others.size() + 3, reads.get(), "a page larger than people page through is never kept");
    }

    @Test
    void anAnswerReadTwiceIsKeptUntilATransactionWritesAndNeverUsedInsideOne() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<UserRepository.Found>> read = counting(reads);
        String username = Api.unique("kept");
        cache.find(username, read);
        cache.find(username, read);
        assertEquals(2, reads.get(), "a user read once is not kept: the second request reads again");
        cache.find(username, read);
        assertEquals(2, reads.get(), "read twice, the answer is kept and served");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("SELECT COUNT(*) FROM app_user").getSingleResult());
        cache.find(username, read);
        assertEquals(2, reads.get(), "a transaction that only read leaves it kept");

        QuarkusTransaction.requiringNew().run(() -> cache.find(username, read));
        assertEquals(3, reads.get(), "inside a transaction the database is read");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE app_setting SET name = name WHERE 1 = 0").executeUpdate());
        cache.find(username, read);
        assertEquals(4, reads.get(), "after a transaction that wrote, the database is read again");
    }

    @Test
    void aReadThatRacedACommitIsNotServedAfterIt() {
        AtomicInteger reads = new AtomicInteger();
        String username = Api.unique("race");
        cache.find(username, counting(reads));   // read once: the next read is kept
        // the read starts, then another request's change commits before it is kept
        cache.find(username, () -> {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE app_setting SET name = name WHERE 1 = 0").executeUpdate());
            return counting(reads).get();
        });
        cache.find(username, counting(reads));
        assertEquals(3, reads.get(), "what the racing read kept was older than the commit: read again");
    }

    /** The admin in a browser session: its requests write nothing (a token records its use once a minute). */
    private static Supplier<RequestSpecification> adminSession() {
        String session = FormLogin.post(Api.ADMIN, Api.ADMIN_PASSWORD, null).then().statusCode(303).extract().cookie("rollcall_session");
        return () -> Api.anonymous().cookie("rollcall_session", session);
    }

    private static Supplier<Page<UserView>> countingPage(AtomicInteger reads) {
        return () -> {
            reads.incrementAndGet();
            return new Page<>(List.of(), 0, 0, 20);
        };
    }

    private static Supplier<Optional<UserRepository.Found>> counting(AtomicInteger reads) {
        UserRepository.Found found = new UserRepository.Found(1, Role.STUDENT, null);
        return () -> {
            reads.incrementAndGet();
            return Optional.of(found);
        };
    }
}
