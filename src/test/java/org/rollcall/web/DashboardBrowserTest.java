package org.rollcall.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** The dashboard's counts and its class-size chart, as a teacher and an admin see them. */
@QuarkusTest
class DashboardBrowserTest {

    @Test
    void aTeacherSeesTheirClassesDrawnLargestFirst() {
        Browser.requireChromium();
        String teacher = Api.createUser("dash-t", "teacher");
        String small = Api.createGroup(teacher);
        String large = Api.createGroup(teacher);
        Api.addMember(small, Api.createUser("dash-s", "student"), "student");
        for (int i = 0; i < 3; i++) {
            Api.addMember(large, Api.createUser("dash-s", "student"), "student");
        }
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(teacher, Api.PASSWORD);
            Locator chart = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Students in your classes"));
            assertThat(chart).isVisible();
            assertThat(chart.locator("desc")).hasText(java.util.regex.Pattern.compile(
                    large + " · Class " + large + ": 3 students\\. " + small + " · Class " + small + ": 1 student\\."));
            Locator bars = chart.locator("rect.bar");
            assertThat(bars).hasCount(2);
            double largeWidth = Double.parseDouble(bars.nth(0).getAttribute("width"));
            double smallWidth = Double.parseDouble(bars.nth(1).getAttribute("width"));
            org.junit.jupiter.api.Assertions.assertEquals(3.0, largeWidth / smallWidth, 0.05, "bars are drawn to scale");
            assertThat(page.locator(".stat").filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("Your classes")))).containsText("2");
            s.check("dashboard-chart");
        }
    }

    @Test
    void anAdminSeesCountsForTheWholeSchool() {
        Browser.requireChromium();
        Api.createGroup(null);
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            for (String label : new String[] { "Students", "Teachers", "Admins", "Disabled accounts", "Classes", "Class memberships" }) {
                assertThat(page.locator(".stat").getByText(label, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
            }
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Students per class (largest classes)"))).isVisible();
            s.check("dashboard-admin");
        }
    }
}
