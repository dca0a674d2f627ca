package org.rollcall.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** A student on their own pages: opens a class from the dashboard, renames themself, creates and revokes an API token. */
@QuarkusTest
class SelfServiceBrowserTest {

    @Test
    void aStudentOpensTheirClassEditsTheirNameAndManagesAToken() {
        Browser.requireChromium();
        String teacher = Api.createUser("ss-tea", "teacher");
        String student = Api.createUser("ss-stu", "student");
        String classmate = Api.createUser("ss-mate", "student");
        String code = Api.createGroup(teacher);
        Api.asAdmin().body(Map.of("code", code, "name", "Web design", "term", "2025-26", "period", "2nd",
                "description", "HTML, CSS and a little JavaScript.", "version", 0)).put("/api/groups/" + code).then().statusCode(200);
        Api.addMember(code, student, "student");
        Api.addMember(code, classmate, "student");

        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(student, Api.PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code + " · Web design")).click();
            assertThat(page).hasURL(Browser.at("/my/classes/" + code));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(code + " · Web design"))).isVisible();
            assertThat(page.locator("#teachers")).hasText("Test " + teacher);
            assertThat(page.locator("main")).containsText("HTML, CSS and a little JavaScript.");
            assertThat(page.locator("main")).not().containsText(classmate);
            s.check("my-class-student");

            s.visit("/me");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Ada Lovelace");
            page.getByLabel("Email").fill(student + "@Example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my details")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your profile has been saved.");
            assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Ada Lovelace");
            assertThat(page.getByLabel("Email")).hasValue(student + "@example.org");
            s.check();

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(" ");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my details")).click();
            assertThat(page.locator("#displayName-error")).isVisible();
            s.check();

            s.visit("/me");
            page.getByLabel("Token name").fill("grading script");
            page.getByLabel("Expires").selectOption("7");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Token “grading script” created"))).isVisible();
            String token = page.getByLabel("Your new token").inputValue();
            assertTrue(token.startsWith("rc_") && token.length() > 40, "the token is shown: " + token);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))).isVisible();
            s.check("token-created");
            Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();
            assertThat(page.locator("#tokens")).containsText("grading script");
            assertThat(page.locator("#tokens")).not().containsText(token);
            s.check("profile-student");
            page.setViewportSize(390, 844);
            s.check("profile-student-390");
            assertFitsWidth(page);
            page.setViewportSize(1280, 900);

            page.locator("#tokens").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("Revoke\\s*grading script"))).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Revoke token “grading script”?"))).isVisible();
            s.check("token-revoke");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke token")).click();
            assertThat(page).hasURL(Browser.at("/me"));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Revoked the token 'grading script'");
            assertThat(page.locator("#no-tokens")).isVisible();
            s.check();
            Api.anonymous().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);

            page.setViewportSize(390, 844);
            s.visit("/my/classes/" + code, "my-class-student-390");
            assertFitsWidth(page);
        }
    }

    private static void assertFitsWidth(Page page) {
        Object width = page.evaluate("document.documentElement.scrollWidth");
        Object widest = page.evaluate("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)"
                + ".filter(e => !e.closest('.table-responsive') || e.classList.contains('table-responsive'))"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        assertTrue(((Number) width).intValue() <= 390, page.url() + " is " + width + " px wide at 390 px: " + widest);
    }
}
