package org.rollcall.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Issue flow 4: invalid form input shows the errors next to the fields and changes nothing in the database. */
@QuarkusTest
class UserFormBrowserTest {

    @Test
    void anInvalidNewUserIsShownWithErrorsAndNotCreated() {
        Browser.requireChromium();
        String bad = Api.unique("bad name");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/new");
            page.locator("#username").fill(bad);
            page.locator("#email").fill("not-an-email");
            page.locator("#password").fill("short");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was saved");
            // Plain sentences, in the order of the form's fields.
            assertThat(page.getByRole(AriaRole.ALERT).locator("li")).hasText(new String[] {
                    "Username may contain only letters, digits, '.', '_' and '-'.", "Name is required.",
                    "Email is not a valid email address.", "Password must be 8 to 72 characters long." });
            assertThat(page.locator("#username-error")).containsText("may contain only letters");
            assertThat(page.locator("#displayName-error")).containsText("Name is required");
            assertThat(page.locator("#email-error")).containsText("Email is not a valid email address");
            assertThat(page.locator("#password-error")).containsText("Password must be 8 to 72 characters long");
            assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#username")).hasAttribute("aria-describedby", java.util.regex.Pattern.compile("username-error"));
            // What was typed is kept, except the password.
            assertThat(page.locator("#username")).hasValue(bad);
            assertThat(page.locator("#email")).hasValue("not-an-email");
            assertThat(page.locator("#password")).hasValue("");
            s.check("user-form-errors");
        }
        Api.asAdmin().queryParam("q", bad).get("/api/users").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anInvalidEditKeepsTheUserAsTheyWere() {
        Browser.requireChromium();
        String student = Api.unique("edit-me");
        Api.asAdmin().body(Map.of("username", student, "displayName", "Original Name", "email", student + "@example.org",
                "role", "student")).post("/api/users").then().statusCode(201);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + student + "/edit");
            page.locator("#displayName").fill("   ");
            page.locator("#email").fill("still not an email");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#displayName-error")).isVisible();
            assertThat(page.locator("#email-error")).isVisible();
            s.check("user-edit-errors");
        }
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200)
                .body("user.displayName", equalTo("Original Name"))
                .body("user.email", equalTo(student + "@example.org"));
    }

    @Test
    void anInvalidClassIsShownWithErrorsAndNotCreated() {
        Browser.requireChromium();
        String teacher = Api.createUser("form-t", "teacher");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/classes/new");
            page.locator("#code").fill("no spaces allowed");
            page.locator("#term").fill("2025-26");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
            assertThat(page.locator("#code-error")).containsText("may contain only letters");
            assertThat(page.locator("#name-error")).containsText("Name is required");
            assertThat(page.locator("#term")).hasValue("2025-26");
            s.check("class-form-errors");
        }
        Api.as(teacher).get("/api/groups").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aConflictingEditShowsTheStoredValuesAndKeepsTheUsersOwn() {
        Browser.requireChromium();
        String student = Api.unique("conflict");
        Api.asAdmin().body(Map.of("username", student, "displayName", "Before", "role", "student")).post("/api/users")
                .then().statusCode(201);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + student + "/edit");
            // Someone else saves the user meanwhile.
            Api.asAdmin().body(Map.of("displayName", "Theirs", "role", "student", "version", 0)).put("/api/users/" + student)
                    .then().statusCode(200);
            page.locator("#displayName").fill("Mine");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#conflict")).containsText("Theirs");
            assertThat(page.locator("#conflict")).not().containsText("version");
            assertThat(page.locator("#displayName")).hasValue("Mine");
            s.check("user-edit-conflict");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page).hasURL(Browser.at("/users/" + student));
            s.check();
        }
        Api.asAdmin().get("/api/users/" + student).then().statusCode(200).body("user.displayName", equalTo("Mine"));
    }
}
