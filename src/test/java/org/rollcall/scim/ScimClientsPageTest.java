package org.rollcall.scim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Forms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The Provisioning page: admins only; a client's secret shown once; revoking asks first and ends access. */
@QuarkusTest
class ScimClientsPageTest {

    private static RequestSpecification browser(String username, String password) {
        return given().accept("text/html").redirects().follow(false).auth().preemptive().basic(username, password);
    }

    @Test
    void onlyAdminsSeeIt() {
        given().accept("text/html").redirects().follow(false).get("/admin/scim").then().statusCode(303)
                .header("Location", containsString("/login"));
        for (String role : new String[] { "student", "teacher" }) {
            String user = Api.createUser("scimpage", role);
            browser(user, Api.PASSWORD).get("/admin/scim").then().statusCode(403);
            browser(user, Api.PASSWORD).formParam("name", "sneaky").post("/admin/scim").then().statusCode(403);
        }
    }

    @Test
    void anAdminCreatesAClientSeesItsSecretOnceAndRevokesIt() {
        var page = browser(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/scim");
        page.then().statusCode(200).body(containsString("/scim/v2"));
        String name = Api.unique("entra");
        var created = browser(Api.ADMIN, Api.ADMIN_PASSWORD).cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("name", name).post("/admin/scim");
        created.then().statusCode(200).header("Cache-Control", "no-store");
        Matcher secret = Pattern.compile("value=\"(rcscim_[A-Za-z0-9_-]+)\"").matcher(created.asString());
        org.junit.jupiter.api.Assertions.assertTrue(secret.find(), "the secret is shown");
        given().header("Authorization", "Bearer " + secret.group(1)).get("/scim/v2/Users").then().statusCode(200);
        var list = browser(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/scim");
        list.then().body(containsString(name)).body(not(containsString(secret.group(1))));

        var confirm = browser(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/scim/" + name + "/revoke");
        confirm.then().statusCode(200).body(containsString("Revoke provisioning client"));
        given().header("Authorization", "Bearer " + secret.group(1)).get("/scim/v2/Users").then().statusCode(200);
        browser(Api.ADMIN, Api.ADMIN_PASSWORD).cookie(Forms.CSRF_COOKIE, confirm.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(confirm.asString())).post("/admin/scim/" + name + "/revoke")
                .then().statusCode(303);
        given().header("Authorization", "Bearer " + secret.group(1)).get("/scim/v2/Users").then().statusCode(401);
        browser(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/scim").then().body(containsString("revoked"));
    }

    @Test
    void aTakenOrInvalidNameIsShownAgainWithTheReason() {
        var page = browser(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/scim");
        browser(Api.ADMIN, Api.ADMIN_PASSWORD).cookie(Forms.CSRF_COOKIE, page.cookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(page.asString())).formParam("name", "no spaces please").post("/admin/scim")
                .then().statusCode(400).body(containsString("must be 1 to 64 letters"));
    }
}
