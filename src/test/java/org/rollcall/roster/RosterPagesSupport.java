package org.rollcall.roster;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rollcall.support.Api;
import org.rollcall.support.FormLogin;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The import pages driven without a browser: logged in with a session, forms posted with their CSRF token. */
final class RosterPagesSupport {

    private RosterPagesSupport() {
    }

    /** A browser-like request with a session of this account, logged in through the login form. */
    static RequestSpecification session(String username, String password) {
        String session = FormLogin.post(username, password, null).cookie("rollcall_session");
        return given().redirects().follow(false).cookie("rollcall_session", session);
    }

    static RequestSpecification adminSession() {
        return session(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    /** Uploads the file on the import page; the response is the redirect to its preview. */
    static Response upload(RequestSpecification session, String csv) {
        Response form = session.get("/roster/import");
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return session.cookie("rollcall_csrf", form.cookie("rollcall_csrf")).multiPart("csrf-token", token)
                .multiPart("mode", "add-update").multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/roster/import");
    }

    /** The rejected-rows download of a file previewed by the admin, line by line. */
    static List<String> rejectedCsv(String csv) {
        RequestSpecification session = adminSession();
        Response uploaded = upload(session, csv);
        String preview = uploaded.then().statusCode(303).extract().header("Location");
        return session.get(preview + "/rejected.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString().lines().toList();
    }
}
