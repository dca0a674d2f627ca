package org.rollcall.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Users migrated from the Flask app log in with their old passwords: hashes made by Werkzeug
 * itself (sha256 at 260,000 and 1,000 iterations, sha512, sha1, a non-ASCII password) are
 * checked at login and replaced by bcrypt on the first success.
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
        String username = Api.unique("legacy-" + uid.toLowerCase());
        var outcome = userImport.apply(Actor.SYSTEM, List.of(new UserRow(username, "Legacy " + uid, null, "student",
                hashes.get(uid), true, false, null, null, null)), new ImportRun(false));
        assertEquals(Action.CREATED, outcome.get(0).action(), String.valueOf(outcome));
        return username;
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
    void everyWerkzeugFlavourLogsInAndIsUpgradedToBcrypt() {
        for (String uid : List.of("ada", "lilei", "grace", "kat", "ZoeN")) {
            String username = importLegacy(uid);
            String password = passwords.get(uid);
            assertTrue(storedHash(username).startsWith("pbkdf2:"), "fixture hash is Werkzeug's");
            basic(username, password).get("/api/me").then().statusCode(200).body("username", equalTo(username));
            String upgraded = storedHash(username);
            // bcrypt at the documented work factor (Passwords.BCRYPT_COST, OWASP's minimum of 10)
            assertTrue(upgraded.startsWith("$2a$10$"), uid + ": the hash is bcrypt cost 10 after the first login, not " + upgraded.substring(0, 7));
            basic(username, password).get("/api/me").then().statusCode(200);
        }
    }

    @Test
    void theLegacyCheckRunsBeforeSecurityJpasWhichCannotReadWerkzeugHashes() {
        int legacy = new LegacyPasswordIdentityProvider().priority();
        var others = IdentityProviders.besides(LegacyPasswordIdentityProvider.class, UsernamePasswordAuthenticationRequest.class);
        for (IdentityProvider<?> provider : others) {
            assertTrue(legacy > provider.priority(), provider.getClass().getName() + " has priority " + provider.priority()
                    + ", not below the legacy check's " + legacy + ": their order would be left to chance");
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
        assertTrue(storedHash(username).startsWith("$2a$"));
    }
}
