package org.rollcall.bulk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Bulk actions in the browser: tick users, confirm, see the outcome; deleting asks for the number to be typed. */
@QuarkusTest
class BulkActionsBrowserTest {

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aTeacherDisablesTickedStudentsAndIsToldWhichUserWasLeftAlone() {
        Browser.requireChromium();
        String teacher = Api.createUser("bb-teacher", "teacher");
        String colleague = Api.createUser("bb-colleague", "teacher");
        String a = Api.createUser("bb-a", "student");
        String b = Api.createUser("bb-b", "student");
        String c = Api.createUser("bb-c", "student");
        String code = Api.createGroup(teacher);
        for (String s : new String[] { a, b, c }) {
            Api.addMember(code, s, "student");
        }
        Api.addMember(code, colleague, "teacher");

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/users?group=" + code, "bulk-users-list");
            page.getByLabel("Select " + a).check();
            page.getByLabel("Select " + b).check();
            page.getByLabel("Select " + colleague).check();
            button(page, "Disable…");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Disable 3 users?");
            s.check("bulk-confirm");
            button(page, "Disable 3 users");
            assertThat(page.locator("#bulk-result")).hasText("Finished: 2 done, 0 unchanged, 1 refused.");
            assertThat(page.locator("#bulk-problems")).containsText(colleague);
            assertThat(page.locator("#bulk-problems")).containsText("Teachers can change students only.");
            s.check("bulk-result");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the list")).click();
            assertThat(page).hasURL(Browser.at("/users"));
            s.check();
        }
        Api.asAdmin().get("/api/users/" + a).then().body("user.enabled", equalTo(false));
        Api.asAdmin().get("/api/users/" + b).then().body("user.enabled", equalTo(false));
        Api.asAdmin().get("/api/users/" + c).then().body("user.enabled", equalTo(true));
        Api.asAdmin().get("/api/users/" + colleague).then().body("user.enabled", equalTo(true));
    }

    @Test
    void anAdminDeletesEveryUserAFilterFindsAfterTypingTheirNumber() {
        Browser.requireChromium();
        String prefix = Api.unique("bbdel");
        for (int i = 0; i < 3; i++) {
            Api.asAdmin().body(java.util.Map.of("username", prefix + "-" + i, "displayName", "Gone " + i, "role", "student"))
                    .post("/api/users").then().statusCode(201);
        }
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users?q=" + prefix);
            page.getByLabel("All 3 users matching this filter").check();
            button(page, "Delete…");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Delete 3 users?");
            s.check();
            page.getByLabel("Type 3 to delete 3 users").fill("2");
            button(page, "Delete 3 users");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("type 3, the number of users to delete");
            s.check("bulk-delete-confirm");
            page.getByLabel("Type 3 to delete 3 users").fill("3");
            button(page, "Delete 3 users");
            assertThat(page.locator("#bulk-result")).hasText("Finished: 3 done, 0 unchanged, 0 refused.");
            s.check();
        }
        for (int i = 0; i < 3; i++) {
            Api.asAdmin().get("/api/users/" + prefix + "-" + i).then().statusCode(404);
        }
    }

    @Test
    void resettingPasswordsOnAClassPageShowsThemOnceToPrint() {
        Browser.requireChromium();
        String teacher = Api.createUser("bb-teacher", "teacher");
        String student = Api.createUser("bb-reset", "student");
        String code = Api.createGroup(teacher);
        Api.addMember(code, student, "student");
        String password;
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/classes/" + code);
            page.getByLabel("Select " + student).check();
            button(page, "Reset passwords…");
            s.check();
            button(page, "Reset the passwords of 1 user");
            assertThat(page.locator("#bulk-result")).hasText("Finished: 1 done, 0 unchanged, 0 refused.");
            s.check();
            String jobPage = page.url();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print login cards")).click();
            assertThat(page.locator(".login-card")).containsText(student);
            assertThat(page.locator(".login-card")).containsText("Class " + code);
            s.check("bulk-login-cards");
            password = page.locator(".login-card-password").first().textContent().trim();
            // shown once: the job's page no longer offers them, and their address says so
            s.visit(jobPage);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print login cards"))).hasCount(0);
            s.visit(jobPage + "/passwords");
            assertThat(page.locator("main")).containsText("already shown");
        }
        Api.as(student, password).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
    }
}
