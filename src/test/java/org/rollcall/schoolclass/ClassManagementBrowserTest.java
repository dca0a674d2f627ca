package org.rollcall.schoolclass;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Editing a class, changing a member's role, removing a member, deleting a class and a user (with confirmation). */
@QuarkusTest
class ClassManagementBrowserTest {

    @Test
    void aTeacherRunsTheirClassFromItsPage() {
        Browser.requireChromium();
        String teacher = Api.createUser("cm-t", "teacher");
        String colleague = Api.createUser("cm-c", "teacher");
        String student = Api.createUser("cm-s", "student");
        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "student");
        Api.addMember(code, student, "student");

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/classes/" + code);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit class")).click();
            assertThat(page).hasURL(Browser.at("/classes/" + code + "/edit"));
            s.check();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Algorithms");
            page.getByLabel("Period").fill("4");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Saved class " + code);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(code + " · Algorithms");
            s.check();

            page.getByLabel("Role of " + colleague + " in class").selectOption("teacher");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change role of " + colleague)).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText(colleague + " is now teacher in this class");
            s.check();

            page.locator("#members summary").filter(new Locator.FilterOptions().setHasText(student)).click();   // the confirmation step
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + student)).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Removed " + student);
            assertThat(page.locator("#members")).not().containsText(student);
            s.check();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete class…")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Delete class " + code + "?");
            s.check("class-delete-confirm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete class " + code)).click();
            assertThat(page).hasURL(Browser.at("/classes"));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Deleted class " + code);
            s.check();
        }
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(404);
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200);
    }

    @Test
    void anAdminConfirmsBeforeAClassIsLeftWithoutATeacher() {
        Browser.requireChromium();
        String teacher = Api.createUser("cm-last", "teacher");
        String code = Api.createGroup(teacher);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/classes/" + code);
            page.locator("#members summary").filter(new Locator.FilterOptions().setHasText(teacher)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + teacher)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Leave " + code + " without a teacher?");
            assertThat(page.locator("main")).containsText(teacher + " is the only teacher of " + code);
            assertThat(page.locator("main")).not().containsText("Removed");
            s.check("class-last-teacher-confirm");
            // Cancel keeps the teacher...
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page).hasURL(Browser.at("/classes/" + code));
            assertThat(page.locator("#members")).containsText(teacher);
            s.check();
            // ...confirming removes them.
            page.locator("#members summary").filter(new Locator.FilterOptions().setHasText(teacher)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + teacher)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Leave " + code + " without a teacher?");
            s.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + teacher)).click();
            assertThat(page).hasURL(Browser.at("/classes/" + code));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Removed " + teacher + " from the class.");
            assertThat(page.locator("main")).containsText("No members yet");
            s.check();
        }
    }

    @Test
    void anAdminDeletesAUserAfterConfirming() {
        Browser.requireChromium();
        String student = Api.createUser("cm-del", "student");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + student);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Delete " + student + "?");
            s.check("user-delete-confirm");
            // Cancel keeps the user...
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page).hasURL(Browser.at("/users/" + student));
            s.check();
            // ...confirming deletes them.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…")).click();
            s.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + student)).click();
            assertThat(page).hasURL(Browser.at("/users"));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Deleted " + student);
            s.check();
        }
        Api.asAdmin().get("/api/users/" + student).then().statusCode(404);
    }
}
