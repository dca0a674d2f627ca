package org.rollcall.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue flow 1: a teacher creates a student and a class, adds the student, resets the student's
 * password; the student logs in with it, must choose a new one, and sees the class.
 */
@QuarkusTest
class TeacherJourneyBrowserTest {

    @Test
    void teacherEnrolsANewStudentWhoLogsInWithTheOneTimePassword() {
        Browser.requireChromium();
        String teacher = Api.createUser("journey-t", "teacher");
        String student = Api.unique("journey-s");
        String code = ("J" + Api.unique("").replace("-", "")).toUpperCase();
        String oneTimePassword;

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
            s.check("dashboard-teacher");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
            assertThat(page).hasURL(Browser.at("/users"));
            s.check("users-list");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New user")).click();
            assertThat(page).hasURL(Browser.at("/users/new"));
            s.check("user-form");
            page.getByLabel("Username").fill(student);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Ada Student");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
            assertThat(page).hasURL(Browser.at("/users/" + student));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Created " + student);
            s.check("user-detail");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Classes").setExact(true)).click();
            s.check("classes-list");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New class")).click();
            s.check("class-form");
            page.getByLabel("Code").fill(code);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Intro to Java");
            page.getByLabel("Term").fill("2025-26");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
            assertThat(page).hasURL(Browser.at("/classes/" + code));
            s.check();

            // Search as you type (htmx) finds the student; Add posts a plain form.
            page.getByLabel("Find by username, name or email").fill(student);
            assertThat(page.locator("#candidates")).containsText("Ada Student");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add " + student)).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Added " + student + " to " + code);
            assertThat(page.locator("#members")).containsText(student);
            s.check("class-detail");

            page.locator("#members").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(student)).click();
            assertThat(page).hasURL(Browser.at("/users/" + student));
            s.check();
            page.getByText("Reset password…").click();   // the confirmation step
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset the password of " + student)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Password reset for " + student))).isVisible();
            oneTimePassword = page.locator("#one-time-password").textContent().trim();
            assertTrue(oneTimePassword.length() >= 8, "a one-time password is shown");
            s.check("password-reset");
            s.logOut();
        }

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(student, oneTimePassword);
            assertThat(page).hasURL(Browser.at("/me/password"));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your password was reset");
            s.check("password-change-forced");
            // Until the password is changed, every other page leads back here.
            s.visit("/me");
            assertThat(page).hasURL(Browser.at("/me/password"));

            page.getByLabel("Current password").fill(oneTimePassword);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("my-own-secret-1");
            page.getByLabel("New password again").fill("my-own-secret-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your password has been changed");
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("My classes"))).containsText(code);
            s.check("dashboard-student");
            s.visit("/me", "profile");
            assertThat(page.locator("#my-classes")).containsText("Intro to Java");
        }
        Api.as(student, "my-own-secret-1").get("/api/me").then().statusCode(200);
        Api.as(student, oneTimePassword).get("/api/me").then().statusCode(401);
    }
}
