package org.rollcall.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rollcall.support.Api;
import org.rollcall.support.IdentityProviders;
import org.rollcall.support.LegacyFixtures;
import org.rollcall.transfer.ImportOutcome.Action;
import org.rollcall.transfer.ImportRun;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Users whose hash is of an older kind log in with their passwords and are moved to Argon2id on the
 * first success: hashes migrated from the Flask app, made by Werkzeug itself (sha256 at 260,000 and
 * 1,000 iterations, sha512, sha1, a non-ASCII password), and bcrypt hashes Rollcall made before.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyPasswordLoginTest {

    private final UserTransfer userImport;
    private final UserRepository repository;
    private Map<String, String> hashes;
    private Map<String, String> passwords;

    LegacyPasswordLoginTest(UserTransfer userImport, UserRepository repository) {
        this.userImport = userImport;
        this.repository = repository;
    }

    @BeforeAll
    void readFixtures() throws Exception {
        hashes = LegacyFixtures.hashes(Files.createTempDirectory("legacy-login"));
        passwords = LegacyFixtures.passwords();
    }

    /** Imports the legacy user's Werkzeug hash under a fresh username and returns that username. */
    private String importLegacy(String uid) {
        return importWithHash("legacy-" + uid.toLowerCase(), hashes.get(uid));
    }

    /** Creates a student with the given stored hash (as migrate does) and returns their username. */
    private String importWithHash(String prefix, String hash) {
        String username = Api.unique(prefix);
        var outcome = userImport.apply(Actor.SYSTEM, List.of(new UserRow(username, "Legacy " + prefix, null, "student",
                hash, true, false, null, null, null)), new ImportRun(false));
        assertEquals(Action.CREATED, outcome.get(0).action(), String.valueOf(outcome));
        return username;
    }

    private static void assertCurrentArgon2id(String hash, String who) {
        assertTrue(hash.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), who + ": the hash is Argon2id at the documented cost, not "
                + hash.substring(0, Math.min(hash.length(), 9)));
        assertFalse(Passwords.needsRehash(hash), who);
    }

    private String storedHash(String username) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByUsername(username).orElseThrow().getPasswordHash());
    }

    /** HTTP Basic in UTF-8, as the server announces (REST Assured would send ISO-8859-1). */
    private static RequestSpecification basic(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Api.anonymous().header("Authorization", "Basic " + token);
    }

    @Test
    void everyWerkzeugFlavourLogsInAndIsUpgradedToArgon2id() {
        for (String uid : List.of("ada", "lilei", "grace", "kat", "ZoeN")) {
            String username = importLegacy(uid);
            String password = passwords.get(uid);
            assertTrue(storedHash(username).startsWith("pbkdf2:"), "fixture hash is Werkzeug's");
            basic(username, password).get("/api/me").then().statusCode(200).body("username", equalTo(username));
            assertCurrentArgon2id(storedHash(username), uid);
            basic(username, password).get("/api/me").then().statusCode(200);
        }
    }

    @Test
    void rollcallsPasswordCheckRunsBeforeSecurityJpasWhichReadsBcryptAlone() {
        int ours = new PasswordIdentityProvider().priority();
        var others = IdentityProviders.besides(PasswordIdentityProvider.class, UsernamePasswordAuthenticationRequest.class);
        for (IdentityProvider<?> provider : others) {
            assertTrue(ours > provider.priority(), provider.getClass().getName() + " has priority " + provider.priority()
                    + ", not below Rollcall's password check's " + ours + ": their order would be left to chance");
        }
        assertTrue(others.size() > 0, "Security JPA's password provider is there to be ordered against");
    }

    @Test
    void aWrongPasswordIsRefusedAndLeavesTheLegacyHashAlone() {
        String username = importLegacy("toby");
        String hash = storedHash(username);
        basic(username, "not-" + passwords.get("toby")).get("/api/me").then().statusCode(401);
        basic(username, passwords.get("toby").toUpperCase()).get("/api/me").then().statusCode(401);
        assertEquals(hash, storedHash(username));
        basic(username, passwords.get("toby")).get("/api/me").then().statusCode(200);
        basic(username, "not-" + passwords.get("toby")).get("/api/me").then().statusCode(401);
    }

    @Test
    void theLoginPageAcceptsALegacyNonAsciiPassword() {
        String username = importLegacy("ZoeN");
        String csrf = RestAssured.given().get("/login").then().statusCode(200).extract().cookie("rollcall_csrf");
        RestAssured.given().redirects().follow(false)
                .cookie("rollcall_csrf", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("username", username)
                .formParam("password", passwords.get("ZoeN"))
                .post("/login")
                .then().statusCode(303);
        assertCurrentArgon2id(storedHash(username), "ZoeN");
    }

    @Test
    void aBcryptUserLogsInThroughTheFormAndIsMovedToArgon2id() {
        String bcrypt = BcryptUtil.bcryptHash("Grüße, 2019!", 10);
        String username = importWithHash("bcrypt", bcrypt);
        AuthFlowTest.formLogin(username, "Grüße, 2019?", null).then().statusCode(401).body(containsString("Wrong username or password"));
        assertEquals(bcrypt, storedHash(username), "a wrong password leaves the bcrypt hash alone");

        String session = AuthFlowTest.formLogin(username, "Grüße, 2019!", null).then().statusCode(303).extract().cookie(Sessions.COOKIE);
        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(200).body("username", equalTo(username));
        String moved = storedHash(username);
        assertCurrentArgon2id(moved, username);
        assertNotEquals(bcrypt, moved, "the bcrypt hash is no longer stored");
        assertTrue(Passwords.matches("Grüße, 2019!", moved));

        basic(username, "Grüße, 2019!").get("/api/me").then().statusCode(200).body("username", equalTo(username));
        basic(username, "Grüße, 2019?").get("/api/me").then().statusCode(401);
        assertEquals(moved, storedHash(username), "a login with the current hash keeps it");
    }

    @Test
    void aBcryptUserLogsInWithHttpBasicAndIsMovedToArgon2id() {
        String username = importWithHash("bcrypt-basic", BcryptUtil.bcryptHash(Api.PASSWORD, 10));
        basic(username, Api.PASSWORD).get("/api/me").then().statusCode(200).body("username", equalTo(username));
        assertCurrentArgon2id(storedHash(username), username);
        AuthFlowTest.formLogin(username, Api.PASSWORD, null).then().statusCode(303).cookie(Sessions.COOKIE);
    }
}
