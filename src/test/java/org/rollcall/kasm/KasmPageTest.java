package org.rollcall.kasm;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;
import org.rollcall.support.FakeKasm.Behaviour;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.Forms;
import org.rollcall.support.Waits;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The admin page "Kasm": an admin sees Kasm unreachable and why, what waits, and brings it in
 * step with "Retry now" once Kasm is back; only admins reach it, and its form needs the CSRF token.
 * The health check stays UP with Kasm degraded.
 */
@QuarkusTest
@QuarkusTestResource(value = KasmTestResource.class, restrictToAnnotatedClass = true)
class KasmPageTest {

    FakeKasm kasm;

    @AfterEach
    void kasmBackToNormal() {
        kasm.behave(Behaviour.NORMAL);
    }

    @Test
    void anAdminSeesKasmDownWithTheReasonAndRetriesOnceItIsBack() {
        Browser.requireChromium();
        kasm.behave(Behaviour.HTTP_500);
        String username = Api.createUser("kpage", "student");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            Locator failure = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(username));
            Waits.until(Duration.ofSeconds(20), "the failure listed", () -> {
                s.visit("/admin/kasm");
                return failure.count() > 0;
            });
            assertThat(page.locator("#kasm-status")).containsText("Unreachable");
            assertThat(page.locator("#kasm-status")).containsText("HTTP 500");
            assertThat(failure).containsText("Kasm answered HTTP 500");
            assertThat(page.locator("#kasm-waiting")).not().hasText("0 changes");
            s.check("kasm-page-down");

            kasm.behave(Behaviour.NORMAL);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry now")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Kasm"))).isVisible();
            s.check();
            Waits.until(Duration.ofSeconds(20), "the user in Kasm", () -> kasm.user(username) != null);
            Waits.until(Duration.ofSeconds(20), "nothing waiting", () -> {
                s.visit("/admin/kasm");
                return page.locator("#kasm-waiting").textContent().strip().equals("0 changes");
            });
            assertThat(page.locator("#kasm-status")).containsText("Reachable");
            assertThat(page.locator("#kasm-last-success")).not().hasText("never");
            s.check("kasm-page-up");
        }
    }

    @Test
    void onlyAdminsReachThePageAndItsFormNeedsTheToken() {
        String student = Api.createUser("kps", "student");
        String teacher = Api.createUser("kpt", "teacher");
        given().accept("text/html").redirects().follow(false).get("/admin/kasm").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303))
                .header("Location", containsString("/login"));
        for (String user : new String[] { student, teacher }) {
            given().accept("text/html").auth().preemptive().basic(user, Api.PASSWORD).get("/admin/kasm").then().statusCode(403);
        }
        Response form = given().accept("text/html").auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/admin/kasm");
        form.then().statusCode(200).body(containsString("Retry now"));
        Response teacherPage = given().accept("text/html").auth().preemptive().basic(teacher, Api.PASSWORD).get("/me");
        given().auth().preemptive().basic(teacher, Api.PASSWORD).redirects().follow(false)
                .cookie(Forms.CSRF_COOKIE, teacherPage.getCookie(Forms.CSRF_COOKIE))
                .formParam(Forms.CSRF_FIELD, Forms.csrfToken(teacherPage.asString())).post("/admin/kasm/retry").then().statusCode(403);
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false).formParam("x", "1")
                .post("/admin/kasm/retry").then().statusCode(400);
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie(Forms.CSRF_COOKIE, form.getCookie(Forms.CSRF_COOKIE)).formParam(Forms.CSRF_FIELD, Forms.csrfToken(form.asString()))
                .post("/admin/kasm/retry").then().statusCode(303).header("Location", containsString("/admin/kasm"));
    }

    @Test
    void theHealthCheckReportsKasmDegradedButStaysUp() {
        kasm.behave(Behaviour.DROP_CONNECTION);
        Waits.until(Duration.ofSeconds(40), "Kasm degraded in the health check",
                () -> given().get("/q/health/ready").then().extract().asString().contains("degraded"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("\"status\": \"UP\""))
                .body(containsString("Kasm Workspaces sync"));
    }
}
