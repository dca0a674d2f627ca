package org.rollcall.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Issue flow 2: an admin disables a user; that user can no longer log in and is told why. */
@QuarkusTest
class DisableUserBrowserTest {

    @Test
    void aDisabledUserCannotLogInAndSeesWhy() {
        Browser.requireChromium();
        String teacher = Api.createUser("disable-me", "teacher");

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.check("dashboard-admin");
            s.visit("/users/" + teacher);
            page.getByText("Disable account…").click();   // the confirmation step
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + teacher)).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Disabled " + teacher + ": they can no longer log in");
            assertThat(page.locator("#status")).containsText("disabled");
            s.check("user-detail-disabled");
        }

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            assertThat(page).hasURL(Browser.at("/login"));
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("This account is disabled");
            s.check("login-disabled");
            s.visit("/users");
            assertThat(page).hasURL(Browser.at("/login"));
        }
        Api.as(teacher, Api.PASSWORD).get("/api/me").then().statusCode(401);
    }

    @Test
    void enablingAgainLetsThemBackIn() {
        Browser.requireChromium();
        String student = Api.createUser("reenable", "student");
        Api.asAdmin().post("/api/users/" + student + "/disable").then().statusCode(200);

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + student);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable account")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Enabled " + student);
            s.check();
        }
        Api.as(student).get("/api/me").then().statusCode(200);
    }
}
