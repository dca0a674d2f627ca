package org.rollcall.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;
import org.rollcall.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Password guessing is slowed down and then blocked, per account and per client address, for the
 * login page and HTTP Basic alike. Small limits and a test clock that is stepped forward instead of
 * waiting; every attempt names its client address with X-Forwarded-For (trusted from localhost).
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.SmallLimits.class)
class LoginThrottleTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollcall.login.account.slow-after", "2", "rollcall.login.account.block-after", "4",
                    "rollcall.login.address.slow-after", "3", "rollcall.login.address.block-after", "5",
                    "rollcall.login.delay", "PT10S", "rollcall.login.max-delay", "PT40S",
                    "rollcall.login.block-for", "PT15M", "rollcall.login.window", "PT15M");
        }
    }

    private static int addresses;

    @Inject
    TestClock clock;

    @BeforeEach
    void stopTime() {
        clock.stop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A client address no other attempt uses, so only the account's limits apply. */
    private static String freshAddress() {
        addresses++;
        return "198.51." + (addresses / 250) + "." + (addresses % 250 + 1);
    }

    private static Response basic(String username, String password, String address) {
        return Api.as(username, password).header("X-Forwarded-For", address).get("/api/me");
    }

    @Test
    void anAccountIsSlowedThenBlockedEvenForTheRightPasswordAndFreedAfterTheBlock() {
        String user = Api.createUser("guessed", "student");
        basic(user, "wrong-1", freshAddress()).then().statusCode(401);
        basic(user, "wrong-2", freshAddress()).then().statusCode(401);

        // two failures: the next try must wait 10 s, even with the right password
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(429)
                .header("Retry-After", "10")
                .contentType("application/problem+json")
                .body("title", equalTo("Too many failed logins"))
                .body("detail", equalTo("Too many failed logins for this account. Wait 10 seconds before trying again."));

        clock.advance(Duration.ofSeconds(10));
        basic(user, "wrong-3", freshAddress()).then().statusCode(401);
        clock.advance(Duration.ofSeconds(19));
        basic(user, "wrong-4", freshAddress()).then().statusCode(429).header("Retry-After", "1"); // the wait doubled to 20 s
        clock.advance(Duration.ofSeconds(1));
        basic(user, "wrong-4", freshAddress()).then().statusCode(401);

        // four failures: blocked for 15 minutes
        clock.advance(Duration.ofMinutes(2));
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(429)
                .header("Retry-After", "780")
                .body("detail", containsString("It is locked for 13 more minutes"));

        clock.advance(Duration.ofMinutes(13));
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(200).body("username", equalTo(user));
        // the block is over and the count starts again
        basic(user, "wrong-5", freshAddress()).then().statusCode(401);
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(200);
    }

    @Test
    void theLoginPageShowsTheBlockAndRefusesTheRightPassword() {
        String user = Api.createUser("paged", "teacher");
        for (int i = 1; i <= 4; i++) {
            Response page = FormLogin.post(user, "wrong-" + i, freshAddress());
            assertEquals(401, page.statusCode(), "attempt " + i);
            assertTrue(page.asString().contains("Wrong username or password."));
            clock.advance(Duration.ofSeconds(40));
        }
        Response refused = FormLogin.post(user, Api.PASSWORD, freshAddress());
        assertEquals(429, refused.statusCode());
        assertEquals(null, refused.cookie("rollcall_session"), "no session for a blocked account");
        assertTrue(refused.asString().contains("Too many failed logins for this account. It is locked for 15 more minutes"),
                refused.asString());
        // the same account over HTTP Basic: one throttle for both ways in
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(429);
    }

    @Test
    void oneAddressGuessingManyAccountsIsBlockedWhileOthersStillLogIn() {
        String user = Api.createUser("bystander", "student");
        String attacker = freshAddress();
        for (int i = 1; i <= 5; i++) {
            basic(Api.unique("nobody"), "guess-" + i, attacker).then().statusCode(401);
            clock.advance(Duration.ofSeconds(40));
        }
        basic(user, Api.PASSWORD, attacker).then().statusCode(429)
                .body("detail", containsString("Too many failed logins from your network address"));
        FormLogin.post(user, Api.PASSWORD, attacker).then().statusCode(429);
        basic(user, Api.PASSWORD, freshAddress()).then().statusCode(200);
    }

    @Test
    void failuresAndBlocksAreAuditedWithTheirAddress() {
        String user = Api.createUser("audited", "student");
        String address = freshAddress();
        for (int i = 1; i <= 4; i++) {
            basic(user, "wrong-" + i, i == 4 ? address : freshAddress()).then().statusCode(401);
            clock.advance(Duration.ofSeconds(40));
        }
        Api.asAdmin().queryParam("target", user).queryParam("action", "login").get("/api/audit").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items[0].action", equalTo("login.blocked"))
                .body("items[0].remoteAddress", equalTo(address))
                .body("items[0].details", containsString("account blocked until"))
                .body("items[1].action", equalTo("login.failed"))
                .body("items[1].details", equalTo("wrong password (basic)"))
                .body("items[1].actor", equalTo("anonymous"));
    }
}
