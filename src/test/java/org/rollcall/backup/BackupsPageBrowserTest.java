package org.rollcall.backup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16, item 6: taking a backup from the page says so once (a reload does not repeat it)
 * and its status follows without reloading.
 */
@QuarkusTest
class BackupsPageBrowserTest {

    @Test
    void aStartedBackupIsAnnouncedOnceAndItsStatusFollowsLive() {
        Browser.requireChromium();
        String name = Api.unique("from-the-page");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            s.visit("/admin/backups");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take backup")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("started"))).isVisible();
            s.check("backup-started");
            Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row.locator(".badge")).hasText("COMPLETED", new com.microsoft.playwright.assertions.LocatorAssertions
                    .HasTextOptions().setTimeout(60_000));
            page.reload();
            s.check();
            assertThat(row).isVisible();
            assertThat(page.getByText("started")).hasCount(0);
        }
    }
}
