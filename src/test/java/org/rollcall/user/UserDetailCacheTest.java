package org.rollcall.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Waits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** GET one user answers from what it read last, and never shows a change made here late. */
@QuarkusTest
class UserDetailCacheTest {

    @Inject
    UserDetailCache cache;
    @Inject
    DataSource dataSource;

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
        for (int read = 0; read < 2; read++) {   // kept from the second read
            Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("user.displayName", equalTo("Test " + student));
        }
        // as another instance (or a command) would: a committed change this instance ran no transaction for
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE app_user SET display_name = ? WHERE username = ?")) {
            update.setString(1, "Changed Elsewhere");
            update.setString(2, student);
            assertEquals(1, update.executeUpdate());
        }
        // kept for 10 s (application.properties); the wait allows for a slow machine
        Waits.until(Duration.ofSeconds(20), "the change made elsewhere shown", () -> "Changed Elsewhere".equals(
                Api.asAdmin().get("/api/users/" + student).then().statusCode(200).extract().path("user.displayName")));
    }

    @Test
    void aTeacherIsRefusedAUserAnAdminJustRead() {
        String teacher = Api.createUser("dt", "teacher");
        String colleague = Api.createUser("dk", "teacher");
        Api.asAdmin().get("/api/users/" + colleague).then().statusCode(200);
        Api.asAdmin().get("/api/users/" + colleague).then().statusCode(200);
        // teachers see the teachers of their own classes only
        Api.as(teacher).get("/api/users/" + colleague).then().statusCode(403);

        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        Api.as(teacher).get("/api/users/" + colleague).then().statusCode(200).body("groups.code", contains(code));
    }

    @Test
    void anAnswerReadTwiceIsKeptUntilATransactionEndsAndNeverUsedInsideOne() {
        UserRepository.Found found = new UserRepository.Found(1, Role.STUDENT, null);
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<UserRepository.Found>> read = () -> {
            reads.incrementAndGet();
            return Optional.of(found);
        };
        String username = Api.unique("kept");
        cache.find(username, read);
        cache.find(username, read);
        assertEquals(2, reads.get(), "a user read once is not kept: the second request reads again");
        cache.find(username, read);
        assertEquals(2, reads.get(), "read twice, the answer is kept and served");

        QuarkusTransaction.requiringNew().run(() -> cache.find(username, read));
        assertEquals(3, reads.get(), "inside a transaction the database is read");
        cache.find(username, read);
        assertEquals(4, reads.get(), "after a transaction ended, the database is read again");
    }
}
