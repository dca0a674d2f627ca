package org.rollcall.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * REST Assured helpers for tests that act as a person. The suite's admin is created at start-up
 * from %test.rollcall.admin.password; everyone else is made per test with a unique name, so no
 * test depends on another's data or order.
 */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "correct-horse-1";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String username, String password) {
        return anonymous().auth().preemptive().basic(username, password);
    }

    /** The admin, by personal token: no password hash per request, as a script would do it. */
    public static RequestSpecification asAdmin() {
        return withToken(ADMIN, ADMIN_PASSWORD);
    }

    /** A name no other test uses: prefix plus a counter and a per-run salt. */
    public static String unique(String prefix) {
        return (prefix + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36)).toLowerCase();
    }

    /** Creates a user (by the admin) with {@link #PASSWORD} and returns the username. */
    public static String createUser(String prefix, String role) {
        String username = unique(prefix);
        asAdmin().body(Map.of("username", username, "displayName", "Test " + username, "role", role, "password", PASSWORD))
                .post("/api/users").then().statusCode(201);
        return username;
    }

    /** A user made by {@link #createUser}, by personal token (created once with Basic, then reused). */
    public static RequestSpecification as(String username) {
        return withToken(username, PASSWORD);
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static RequestSpecification withToken(String username, String password) {
        String key = RestAssured.port + "/" + username;
        String token = TOKENS.computeIfAbsent(key, k -> as(username, password).body(Map.of("name", "tests"))
                .post("/api/me/tokens").then().statusCode(201).extract().path("token"));
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Creates a class taught by the given teacher (or by nobody when teacher is null); returns its code. */
    public static String createGroup(String teacher) {
        String code = ("G" + COUNTER.incrementAndGet() + Long.toString(System.nanoTime() % 10_000, 36)).toUpperCase();
        var spec = teacher == null ? asAdmin() : as(teacher);
        spec.body(Map.of("code", code, "name", "Class " + code, "term", "2025-26")).post("/api/groups").then().statusCode(201);
        return code;
    }

    public static void addMember(String code, String username, String role) {
        asAdmin().body(Map.of("username", username, "role", role)).post("/api/groups/" + code + "/members").then().statusCode(201);
    }
}
