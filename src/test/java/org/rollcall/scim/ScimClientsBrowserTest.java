package org.rollcall.scim;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.Browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Provisioning page in Chromium, as an admin connecting Entra ID uses it: create a client,
 * copy the secret shown once with the settings the identity provider asks for, see the client's
 * first use, revoke it after a confirmation.
 */
@QuarkusTest
class ScimClientsBrowserTest {

    @Test
    void anAdminConnectsAnIdentityProviderAndLaterRevokesIt() {
        Browser.requireChromium();
        String name = Api.unique("entra");
        try (Browser.Session s = Browser.open()) {
            Page page = s.page();
            s.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Provisioning")).click();
            s.check("scim-clients");
            page.getByLabel("Name").fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create client")).click();
            s.check("scim-client-created");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
            String secret = page.getByLabel("Secret").inputValue();
            assertThat(page.getByText("/scim/v2/token")).isVisible();   // what an OAuth client is told

            // the identity provider's first call, with the secret as Entra ID sends it
            given().header("Authorization", "Bearer " + secret).get("/scim/v2/Users?filter=userName eq \"nobody\"").then()
                    .statusCode(200);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();
            s.check();
            Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row).containsText("active");
            assertThat(row.locator("td").nth(3)).not().hasText("never");
            assertThat(page.locator("body")).not().containsText(secret);   // shown once, never again

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Revoke")).click();
            s.check();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Revoke provisioning client");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).click();
            s.check();
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name))).containsText("revoked");
            given().header("Authorization", "Bearer " + secret).get("/scim/v2/Users").then().statusCode(401);
        }
    }
}
