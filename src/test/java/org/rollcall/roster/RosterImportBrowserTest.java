package org.rollcall.roster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/** A teacher's term start: a roster uploaded on the class page, previewed, applied, cards printed, a student's first login. */
@QuarkusTest
class RosterImportBrowserTest {

    private static final int PHONE = 390;

    @Test
    void aTeacherImportsAClassAndAStudentLogsInWithTheirCard() {
        Browser.requireChromium();
        String teacher = Api.createUser("ri-t", "teacher");
        String code = Api.createGroup(teacher);
        String ada = Api.unique("ri-ada");
        String grace = Api.unique("ri-grace");
        String intruder = Api.unique("ri-boss");
        String csv = "username;first name;last name;role\n" + ada + ";Ada;Lovelace;student\n" + grace + ";Grace;Hopper;\n"
                + intruder + ";Ima;Boss;teacher\n";
        String password;
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/classes/" + code);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import students")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Import students into " + code);
            s.check("roster-upload");
            page.getByLabel("CSV file").setInputFiles(new FilePayload("roster.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Preview of roster.csv");
            assertThat(page.locator("#import-counts")).containsText("Would create 2");
            assertThat(page.locator("#import-counts")).containsText("1 rejected");
            Locator rejected = page.locator("#import-rows tr").filter(new Locator.FilterOptions().setHasText(intruder));
            assertThat(rejected).containsText("role: only an admin can import teachers");
            s.check("roster-preview");
            Api.asAdmin().get("/api/users/" + ada).then().statusCode(404);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply: save 2 rows")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Imported roster.csv");
            assertThat(page.locator("#import-counts")).containsText("2 created");
            s.check("roster-result");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print login cards")).click();
            Locator card = page.locator(".login-card").filter(new Locator.FilterOptions().setHasText(ada));
            assertThat(page.locator(".login-card")).hasCount(2);
            assertThat(card).containsText("Ada Lovelace");
            assertThat(card).containsText("Class " + code);
            assertThat(card).containsText("/login");
            password = card.locator(".login-card-password").textContent().trim();
            assertTrue(password.matches("[a-km-zA-HJ-NP-Z2-9]{8,}"), "a long password without 0/O/1/l/I: " + password);
            s.check("roster-cards");

            page.setViewportSize(PHONE, 800);
            s.visit("/roster/cards/" + page.url().replaceAll(".*/roster/cards/", ""), "roster-cards-phone");
            assertFitsPhone(page);
            s.visit("/roster/import?class=" + code, "roster-upload-phone");
            assertFitsPhone(page);
            page.setViewportSize(1280, 900);
            s.logOut();
        }
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(ada, password);
            assertThat(page).hasURL(Browser.at("/me/password"));
            s.check();
        }
        Api.asAdmin().get("/api/groups/" + code + "/members").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.hasItems(ada, grace));
        Api.asAdmin().get("/api/users/" + intruder).then().statusCode(404);
    }

    private static void assertFitsPhone(Page page) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(width <= PHONE, page.url() + " is " + width + " px wide on a " + PHONE + " px phone");
    }
}
