package org.rollcall.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MemberForm;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue flow 5: search and pagination over more than 1,000 users find the right user. The users
 * are made through UserService in one transaction and without passwords, so no time goes into
 * a thousand password hashes.
 */
@QuarkusTest
class UserSearchBrowserTest {

    static final int USERS = 1_050;

    @Inject
    UserService users;

    @Inject
    ClassService classes;

    String prefix;
    String code;

    @BeforeEach
    void manyUsers() {
        Browser.requireChromium();
        prefix = Api.unique("crowd") + "-";
        code = Api.createGroup(null);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= USERS; i++) {
                String n = String.format("%04d", i);
                users.create(Actor.SYSTEM, new UserForm(prefix + n, "Pupil " + n + " " + prefix, null, Role.STUDENT, null, false));
            }
            for (int i : new int[] { 7, 70, 700 }) {
                classes.addMember(Actor.SYSTEM, code, new MemberForm(prefix + String.format("%04d", i), ClassRole.STUDENT));
            }
        });
    }

    @Test
    void searchAsYouTypeAndPagingFindTheRightUser() {
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users");
            page.getByLabel("Search username, name or email").fill(prefix);
            assertThat(page.locator("#result-count")).hasText("Showing 1–20 of 1,050 users.");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("q=" + prefix));
            s.check("users-search");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#result-count")).hasText("Showing 21–40 of 1,050 users.");
            assertThat(rows(page).first()).containsText(prefix + "0021");
            s.check();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Page 53")).click();
            assertThat(page.locator("#result-count")).hasText("Showing 1,041–1,050 of 1,050 users.");
            assertThat(rows(page)).hasCount(10);
            assertThat(rows(page).last()).containsText(prefix + "1050");
            s.check("users-last-page");

            // Sorting by name, descending, keeps the search and starts from the top.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Name").setExact(true)).click();
            assertThat(page.locator("th[aria-sort=ascending]")).containsText("Name");
            s.check();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Name").setExact(true)).click();
            assertThat(page.locator("th[aria-sort=descending]")).containsText("Name");
            assertThat(rows(page).first()).containsText("Pupil 1050");
            s.check();

            page.getByLabel("Search username, name or email").fill(prefix + "0777");
            assertThat(page.locator("#result-count")).hasText("Showing 1–1 of 1 user.");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(prefix + "0777")).click();
            assertThat(page).hasURL(Browser.at("/users/" + prefix + "0777"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Pupil 0777");
            s.check();
        }
    }

    @Test
    void filtersByClassAndWorksWithoutJavaScript() {
        try (Browser.Session s = Browser.open(false)) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users");
            page.getByLabel("Search username, name or email").fill(prefix);
            page.getByLabel("Class").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("#result-count")).hasText("Showing 1–3 of 3 users.");
            assertThat(rows(page).nth(0)).containsText(prefix + "0007");
            assertThat(rows(page).nth(2)).containsText(prefix + "0700");
            s.check("users-filtered");

            page.getByLabel("Class").fill("");
            page.getByLabel("Status").selectOption("false");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("#result-count")).containsText("No users found");
            s.check();
        }
    }

    private static Locator rows(Page page) {
        return page.locator("#results tbody tr");
    }
}
