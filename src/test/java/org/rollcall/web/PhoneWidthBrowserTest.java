package org.rollcall.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16, bug 5: on a 390 px phone no page scrolls sideways (only tables scroll, inside
 * themselves) and the navigation collapses behind a menu button, with or without JavaScript.
 */
@QuarkusTest
class PhoneWidthBrowserTest {

    private static final int PHONE = 390;

    @Test
    void everyPageFitsAPhoneForAnAdmin() {
        Browser.requireChromium();
        String teacher = Api.createUser("phone-t", "teacher");
        String student = Api.createUser("phone-s", "student");
        String code = Api.createGroup(teacher);
        Api.addMember(code, student, "student");
        String backup = Api.unique("phone-backup-with-a-long-name");
        Api.asAdmin().body(java.util.Map.of("name", backup, "description", "taken to see the list on a phone"))
                .post("/api/backups").then().statusCode(202);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            page.setViewportSize(PHONE, 800);
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            List<String> paths = List.of("/", "/users", "/users?q=phone", "/users/new", "/users/" + student,
                    "/users/" + student + "/edit", "/users/" + student + "/delete", "/users/" + teacher,
                    "/classes", "/classes/new", "/classes/" + code, "/classes/" + code + "?find=phone",
                    "/classes/" + code + "/edit", "/classes/" + code + "/delete", "/me", "/me/password",
                    "/admin/backups", "/admin/audit", "/admin/scim", "/admin/kasm", "/users/nobody-by-this-name");
            for (String path : paths) {
                String name = path.replace(student, "student").replace(teacher, "teacher").replace(code, "class");
                s.visit(path, "phone" + name.replaceAll("[^a-z0-9]+", "-"));
                assertFitsPhone(page, path);
            }
            // The backup listed above finishes on its own; leave none running for the next test.
            s.visit("/admin/backups");
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(backup)).locator(".badge"))
                    .hasText("COMPLETED", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        }
    }

    @Test
    void aStudentsPagesFitAPhone() {
        Browser.requireChromium();
        String student = Api.createUser("phone-s", "student");
        Api.addMember(Api.createGroup(null), student, "student");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            page.setViewportSize(PHONE, 800);
            s.logIn(student, Api.PASSWORD);
            for (String path : List.of("/", "/me", "/me/password", "/users")) {
                s.visit(path);
                assertFitsPhone(page, path);
            }
        }
    }

    @Test
    void theMenuCollapsesBehindAButtonOnAPhone() {
        Browser.requireChromium();
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            page.setViewportSize(PHONE, 800);
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            Locator users = mainMenu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Users"));
            assertThat(users).isHidden();
            mainMenu(page).getByText("Menu").click();
            assertThat(users).isVisible();
            assertTrue(mainMenu(page).boundingBox().height > 150, "the opened menu lists every page");
            users.click();
            assertThat(page).hasURL(Browser.at("/users"));
            s.check("phone-users");
            // Closed again on the next page: the bar is one row.
            assertTrue(mainMenu(page).boundingBox().height < 80, "the closed menu is one row");
        }
    }

    @Test
    void withoutJavaScriptThePhoneMenuStillReachesEveryPage() {
        Browser.requireChromium();
        try (Browser.Session s = Browser.open(false)) {
            Page page = s.page();
            page.setViewportSize(PHONE, 800);
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            mainMenu(page).getByText("Menu").click();
            Locator backups = mainMenu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Backups"));
            assertThat(backups).isVisible();
            backups.click();
            assertThat(page).hasURL(Browser.at("/admin/backups"));
            s.check();
            assertFitsPhone(page, "/admin/backups");
        }
    }

    private static Locator mainMenu(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    private static void assertFitsPhone(Page page, String path) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(width <= PHONE, path + " is " + width + " px wide on a " + PHONE + " px phone");
    }
}
