package org.rollcall.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.IdentityProviders;

import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AuthFlowTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Logs in through the login form like a browser: fetch the form (CSRF cookie + field), post it. */
    static Response formLogin(String username, String password, String next) {
        Response form = given().get("/login");
        Matcher m = CSRF.matcher(form.asString());
        assertThat(m.find()).as("login form carries a CSRF token").isTrue();
        var request = given().redirects().follow(false).cookies(form.getCookies())
                .formParam("csrf-token", m.group(1)).formParam("username", username).formParam("password", password);
        if (next != null) {
            request.formParam("next", next);
        }
        return request.post("/login");
    }

    /**
     * A session cookie is turned into an identity by the account cache; only when the session
     * provider comes first. Security JPA's trusted provider, with the same request type, reads the
     * user from the database on a worker thread for every request.
     */
    @Test
    void aSessionIsCheckedByTheAccountCacheBeforeSecurityJpasDatabaseRead() {
        int session = new SessionIdentityProvider().priority();
        var others = IdentityProviders.besides(SessionIdentityProvider.class, TrustedAuthenticationRequest.class);
        for (IdentityProvider<?> provider : others) {
            assertThat(provider.priority()).as(provider.getClass().getName() + " must come after the session provider")
                    .isLessThan(session);
        }
        assertThat(others.size()).as("Security JPA's trusted provider is there to be ordered against").isPositive();
    }

    @Test
    void formLoginGivesASessionThatTheApiAccepts() {
        String user = Api.createUser("sess", "student");
        Response login = formLogin(user, Api.PASSWORD, "/api/me");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/api/me");
        String session = login.getCookie(Sessions.COOKIE);
        assertThat(session).isNotBlank().doesNotContain(user);
        assertThat(login.getDetailedCookie(Sessions.COOKIE).isHttpOnly()).isTrue();
        given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(200).body("username", equalTo(user))
                .body("lastLoginAt", notNullValue());
    }

    @Test
    void tamperedOrForeignSessionCookiesAreNotAccepted() {
        String user = Api.createUser("tamper", "student");
        String session = formLogin(user, Api.PASSWORD, null).getCookie(Sessions.COOKIE);
        char[] chars = session.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        given().cookie(Sessions.COOKIE, new String(chars)).get("/api/me").then().statusCode(401);
        given().cookie(Sessions.COOKIE, "not-a-session").get("/api/me").then().statusCode(401);
        // a refused cookie leaves nothing behind: the genuine one, read next, still signs in
        for (int i = 0; i < 4; i++) {
            given().cookie(Sessions.COOKIE, new String(chars)).get("/api/me").then().statusCode(401);
            given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(200).body("username", equalTo(user));
        }
    }

    @Test
    void wrongPasswordAndDisabledAccountsAreToldApart() {
        String user = Api.createUser("loginfail", "student");
        Response wrong = formLogin(user, "wrong-password", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("Wrong username or password").doesNotContain("disabled");
        assertThat(wrong.getCookie(Sessions.COOKIE)).isNull();
        Api.asAdmin().post("/api/users/" + user + "/disable").then().statusCode(200);
        Response disabled = formLogin(user, Api.PASSWORD, null);
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(disabled.asString()).contains("This account is disabled");
        assertThat(disabled.getCookie(Sessions.COOKIE)).isNull();
        // a wrong password on a disabled account reveals nothing about its state
        assertThat(formLogin(user, "wrong-password", null).asString()).doesNotContain("disabled");
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        String user = Api.createUser("nocsrf", "student");
        Response refused = given().redirects().follow(false).formParam("username", user).formParam("password", Api.PASSWORD).post("/login");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getCookie(Sessions.COOKIE)).isNull();
    }

    @Test
    void returnAddressIsKeptButNeverLeadsOffSite() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/login"));
        String user = Api.createUser("next", "student");
        for (String evil : new String[] { "//evil.example/x", "https://evil.example", "/\\evil.example" }) {
            Response login = formLogin(user, Api.PASSWORD, evil);
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.header("Location")).doesNotContain("evil").endsWith("/");
        }
    }

    @Test
    void logoutClearsTheSessionCookie() {
        String user = Api.createUser("logout", "student");
        Response login = formLogin(user, Api.PASSWORD, null);
        Response home = given().cookies(login.getCookies()).get("/");
        Matcher m = CSRF.matcher(home.asString());
        assertThat(m.find()).isTrue();
        Response logout = given().redirects().follow(false).cookies(home.getCookies()).cookie(Sessions.COOKIE, login.getCookie(Sessions.COOKIE))
                .formParam("csrf-token", m.group(1)).post("/logout");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.getDetailedCookie(Sessions.COOKIE).getMaxAge()).isZero();
    }

    @Test
    void personalTokensAreShownOnceStoredAsDigestsAndRevocable() {
        String user = Api.createUser("tok", "teacher");
        Response created = Api.as(user, Api.PASSWORD).body(Map.of("name", "grading script")).post("/api/me/tokens");
        created.then().statusCode(201).body("token", org.hamcrest.Matchers.startsWith("rc_"));
        String token = created.path("token");
        int id = created.path("id");
        given().header("Authorization", "Bearer " + token).get("/api/users").then().statusCode(200);
        Api.as(user, Api.PASSWORD).get("/api/me/tokens").then().statusCode(200)
                .body("name", hasItem("grading script"))
                .body("token", everyItem(org.hamcrest.Matchers.nullValue()))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
                .body(not(containsString(token.substring(10))));
        String other = Api.createUser("tok-other", "teacher");
        Api.as(other, Api.PASSWORD).delete("/api/me/tokens/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
        Api.as(user, Api.PASSWORD).delete("/api/me/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer rc_made-up").get("/api/me").then().statusCode(401);
    }

    @Test
    void accountWithoutPasswordCannotLogIn() {
        String user = Api.unique("nopass");
        Api.asAdmin().body(Map.of("username", user, "displayName", "No Pass", "role", "student")).post("/api/users").then().statusCode(201)
                .body("passwordSet", equalTo(false));
        Api.as(user, "").get("/api/me").then().statusCode(401);
        Api.as(user, "anything-at-all").get("/api/me").then().statusCode(401);
    }

    @Test
    void changingOwnPasswordChecksTheCurrentOne() {
        String user = Api.createUser("chpw", "student");
        Api.as(user, Api.PASSWORD).body(Map.of("currentPassword", "not-it-at-all", "newPassword", "brand-new-pass-1"))
                .put("/api/me/password").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        Api.as(user, Api.PASSWORD).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                .put("/api/me/password").then().statusCode(400).body("errors.field", hasItem("newPassword"));
        Api.as(user, Api.PASSWORD).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "brand-new-pass-1"))
                .put("/api/me/password").then().statusCode(204);
        Api.as(user, "brand-new-pass-1").get("/api/me").then().statusCode(200);
        Api.as(user, Api.PASSWORD).get("/api/me").then().statusCode(401);
    }
}
