package org.rollcall.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue flow 3: a student opening a teacher page gets the 403 page; an anonymous visitor is sent
 * to log in and comes back to the page asked for.
 */
@QuarkusTest
class AccessBrowserTest {

    @Test
    void aStudentOnATeacherPageGetsTheForbiddenPage() {
        Browser.requireChromium();
        String student = Api.createUser("access-s", "student");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(student, Api.PASSWORD);
            // Students are not offered staff pages in the navigation...
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Users"))).hasCount(0);
            // ...and typing the address gets the 403 page, inside the layout.
            s.visit("/users/new", "forbidden");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("403 · Forbidden");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).isVisible();
            s.visit("/classes");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("403 · Forbidden");
        }
    }

    @Test
    void anAnonymousVisitorLogsInAndIsReturnedToThePage() {
        Browser.requireChromium();
        String teacher = Api.createUser("access-t", "teacher");
        String code = Api.createGroup(teacher);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.visit("/classes/" + code + "?find=zz", "login");
            assertThat(page).hasURL(Browser.at("/login"));
            page.getByLabel("Username").fill(teacher);
            page.getByLabel("Password").fill(Api.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page).hasURL(Browser.at("/classes/" + code));
            assertThat(page).hasURL(java.util.regex.Pattern.compile("find=zz"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(code);
            s.check();
        }
    }

    @Test
    void unknownPagesShowTheNotFoundPage() {
        Browser.requireChromium();
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + Api.unique("ghost"), "not-found");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("404 · Not found");
        }
    }
}
