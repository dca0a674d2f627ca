package org.rollcall.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesAllowOnlyTheirOwnOriginAndRefuseFraming() {
        Response page = RestAssured.given().accept("text/html").get("/login");
        page.then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Frame-Options", equalTo("DENY"));
        // the policy holds only if the page needs nothing from elsewhere and nothing inline
        String html = page.asString();
        Matcher urls = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            String url = urls.group(1);
            assertTrue(url.startsWith("/") && !url.startsWith("//") || url.startsWith("#"), "not same-origin: " + url);
        }
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline script");
        assertFalse(html.contains("<style") || html.contains(" style=\""), "inline style");
        // the stylesheets it names are served from here
        Matcher css = Pattern.compile("href=\"(/[^\"]+\\.css)\"").matcher(html);
        while (css.find()) {
            RestAssured.get(css.group(1)).then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void apiResponsesAreNotSniffed() {
        Api.asAdmin().get("/api/me").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureOverHttps() {
        String user = Api.createUser("cookie", "student");
        String plain = FormLogin.post(user, Api.PASSWORD, null).then().statusCode(303).extract().header("Set-Cookie");
        assertNotNull(plain);
        assertTrue(plain.contains("rollcall_session=") && plain.contains("HTTPOnly") && plain.contains("SameSite=Lax"), plain);

        // behind a TLS-terminating load balancer (a trusted proxy saying X-Forwarded-Proto: https)
        Response https = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.50").get("/login");
        String token = https.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String csrfCookie = https.getHeader("Set-Cookie");
        assertTrue(csrfCookie.contains("Secure") && csrfCookie.contains("HTTPOnly"), csrfCookie);
        String secure = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.50").cookie("rollcall_csrf", https.cookie("rollcall_csrf"))
                .formParam("csrf-token", token).formParam("username", user).formParam("password", Api.PASSWORD)
                .post("/login").then().statusCode(303).extract().header("Set-Cookie");
        assertTrue(secure.contains("rollcall_session=") && secure.contains("Secure") && secure.contains("HTTPOnly"), secure);
        assertEquals(-1, plain.indexOf("Secure"), "no Secure flag over plain http, or the browser would drop it");
    }
}
