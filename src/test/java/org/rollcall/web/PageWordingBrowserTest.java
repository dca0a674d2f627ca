package org.rollcall.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 16, item 6: pages offer only what will work and say the right thing to whoever reads them. */
@QuarkusTest
class PageWordingBrowserTest {

    @Test
    void theForbiddenPageTellsEachRoleWhomToAsk() {
        Browser.requireChromium();
        String teacher = Api.createUser("ask-t", "teacher");
        String student = Api.createUser("ask-s", "student");
        try (Browser.Session s = Browser.open()) {
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/admin/backups");
            assertThat(s.page().locator("main")).containsText("If you need it, ask an admin.");
            assertThat(s.page().locator("main")).not().containsText("ask a teacher");
        }
        try (Browser.Session s = Browser.open()) {
            s.logIn(student, Api.PASSWORD);
            s.visit("/users");
            assertThat(s.page().locator("main")).containsText("If you need it, ask your teacher.");
        }
    }

    @Test
    void aNewAccountsFirstLoginIsNotCalledAReset() {
        Browser.requireChromium();
        String username = Api.unique("first");
        Api.asAdmin().body(Map.of("username", username, "displayName", "First Login", "role", "admin",
                "password", Api.PASSWORD, "mustChangePassword", true)).post("/api/users").then().statusCode(201);
        try (Browser.Session s = Browser.open()) {
            s.logIn(username, Api.PASSWORD);
            assertThat(s.page()).hasURL(Browser.at("/me/password"));
            Locator status = s.page().getByRole(AriaRole.STATUS).first();
            assertThat(status).containsText("first login");
            assertThat(status).not().containsText("reset");
        }
    }

    @Test
    void anAdminsOwnPageOffersNoDisableOrDelete() {
        Browser.requireChromium();
        String other = Api.createUser("other-admin", "admin");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/users/" + Api.ADMIN, "own-user-page");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit"))).isVisible();
            assertThat(page.getByText("Disable account…")).hasCount(0);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…"))).hasCount(0);
            // Another admin's page still offers both.
            s.visit("/users/" + other);
            assertThat(page.getByText("Disable account…")).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…"))).isVisible();
        }
    }

    @Test
    void aDisabledPersonIsMarkedInAddMembers() {
        Browser.requireChromium();
        String teacher = Api.createUser("badge-t", "teacher");
        String code = Api.createGroup(teacher);
        String prefix = Api.unique("badge");
        for (String suffix : new String[] { "on", "off" }) {
            Api.asAdmin().body(Map.of("username", prefix + suffix, "displayName", "Badge " + suffix, "role", "student"))
                    .post("/api/users").then().statusCode(201);
        }
        Api.asAdmin().body(Map.of("displayName", "Badge off", "role", "student", "enabled", false, "version", 0))
                .put("/api/users/" + prefix + "off").then().statusCode(200);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            s.visit("/classes/" + code + "?find=" + prefix);
            Locator candidates = page.locator("#candidates li");
            assertThat(candidates.filter(new Locator.FilterOptions().setHasText(prefix + "off"))).containsText("disabled");
            assertThat(candidates.filter(new Locator.FilterOptions().setHasText(prefix + "on"))).not().containsText("disabled");
        }
    }
}
