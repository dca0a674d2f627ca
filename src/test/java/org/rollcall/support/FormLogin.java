package org.rollcall.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Logs in through the login page as a browser would: fetch the form for its CSRF token, post it. */
public final class FormLogin {

    private FormLogin() {
    }

    /** Posts the login form; the response is the redirect (success) or the re-rendered page. */
    public static Response post(String username, String password, String forwardedFor) {
        Response form = browser(forwardedFor).get("/login");
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return browser(forwardedFor).cookie("rollcall_csrf", form.cookie("rollcall_csrf"))
                .formParam("csrf-token", token).formParam("username", username).formParam("password", password)
                .post("/login");
    }

    private static RequestSpecification browser(String forwardedFor) {
        RequestSpecification spec = given().redirects().follow(false).accept("text/html");
        return forwardedFor == null ? spec : spec.header("X-Forwarded-For", forwardedFor);
    }
}
