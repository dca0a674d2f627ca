package org.rollcall.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** Search finds people the way teachers type: the start of any word of username, name or email, case and accents aside. */
@QuarkusTest
class WordSearchTest {

    /** A made-up surname no other test uses, of letters only (digits and hyphens would be words of their own). */
    private static String surname() {
        StringBuilder name = new StringBuilder("Qx");
        for (char c : Api.unique("").replaceAll("[^a-z0-9]", "").toCharArray()) {
            name.append((char) ('a' + (Character.isDigit(c) ? c - '0' : c - 'a' + 10) % 26));
        }
        return name.toString();
    }

    private static String create(String displayName, String email, String role) {
        String username = Api.unique("ws");
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", displayName, "role", role,
                "password", Api.PASSWORD));
        if (email != null) {
            body.put("email", email);
        }
        Api.asAdmin().body(body).post("/api/users").then().statusCode(201);
        return username;
    }

    /** Twelve users "Ken {surname} NN", in the order of their usernames, every fourth a teacher. */
    private static List<String> twelveKens(String surname) {
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            usernames.add(create(String.format("Ken %s %02d", surname, i), null,
                    i % 4 == 0 ? "teacher" : "student"));
        }
        return usernames;
    }

    private static List<String> studentsOf(List<String> kens) {
        List<String> students = new ArrayList<>();
        for (int i = 0; i < kens.size(); i++) {
            if (i % 4 != 0) {
                students.add(kens.get(i));
            }
        }
        return students;
    }

    @Test
    void aSurnameAnEmailDomainAndAnAccentlessSpellingFindThePerson() {
        String surname = surname();
        String domain = surname.toLowerCase() + ".example.org";
        String ada = create("Ada " + surname, "ada@" + domain, "student");
        String zoe = create("Zoë Ñúñez-" + surname, "zoe@" + domain, "student");

        Api.asAdmin().queryParam("q", surname).get("/api/users").then().statusCode(200)
                .body("total", equalTo(2)).body("items.username", containsInAnyOrder(ada, zoe));
        Api.asAdmin().queryParam("q", surname.toUpperCase()).get("/api/users").then().body("total", equalTo(2));
        Api.asAdmin().queryParam("q", domain).get("/api/users").then().body("items.username", containsInAnyOrder(ada, zoe));
        Api.asAdmin().queryParam("q", "@" + domain).get("/api/users").then().body("total", equalTo(2));
        Api.asAdmin().queryParam("q", "nunez-" + surname).get("/api/users").then().body("items.username", contains(zoe));
        Api.asAdmin().queryParam("q", "ZOE ÑUÑEZ-" + surname).get("/api/users").then().body("items.username", contains(zoe));
        Api.asAdmin().queryParam("q", "ada " + surname).get("/api/users").then().body("items.username", contains(ada));
    }

    @Test
    void aTermMustStartAWordNotSitInsideOne() {
        String surname = surname();
        create("Grace " + surname, null, "student");
        Api.asAdmin().queryParam("q", surname.substring(2)).get("/api/users").then().body("total", equalTo(0));
        Api.asAdmin().queryParam("q", surname + "x").get("/api/users").then().body("total", equalTo(0));
    }

    @Test
    void aRenamedUserIsFoundByTheNewNameOnly() {
        String before = surname();
        String after = surname();
        String username = create("Alan " + before, null, "student");
        Api.asAdmin().body(Map.of("displayName", "Alan " + after, "role", "student", "version", 0)).put("/api/users/" + username)
                .then().statusCode(200);
        Api.asAdmin().queryParam("q", before).get("/api/users").then().body("total", equalTo(0));
        Api.asAdmin().queryParam("q", after).get("/api/users").then().body("items.username", contains(username));
    }

    @Test
    void aTeacherFindsStudentsBySurnameButNotOtherTeachers() {
        String surname = surname();
        String student = create("Linus " + surname, null, "student");
        create("Margaret " + surname, null, "teacher");
        String teacher = Api.createUser("wst", "teacher");
        Api.as(teacher).queryParam("q", surname).get("/api/users").then().body("items.username", contains(student));
    }

    @Test
    void theClassPagesMemberSearchFindsBySurname() {
        String surname = surname();
        String student = create("Barbara " + surname, null, "student");
        String code = Api.createGroup(null);
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).queryParam("find", surname.toLowerCase())
                .get("/classes/" + code).then()
                .statusCode(200).body(containsString(student), containsString("Found 1 not yet in this class."));
    }

    @Test
    void theAuditLogsUserFilterFindsEventsByTheActorsSurname() {
        String surname = surname();
        String teacher = create("Dennis " + surname, null, "teacher");
        Api.as(teacher).body(Map.of("username", Api.unique("wsa"), "displayName", "Audited", "role", "student")).post("/api/users")
                .then().statusCode(201);
        Api.asAdmin().queryParam("actor", surname).get("/api/audit").then().statusCode(200)
                .body("items.actor", everyItem(equalTo(teacher)), "items.action", hasItem("user.create"));
        Api.asAdmin().queryParam("actor", teacher).get("/api/audit").then().body("items.actor", everyItem(equalTo(teacher)));
    }

    /**
     * More matching words than are collected: pages come from a scan in sort order, with the same order
     * and filters, and say whether another page follows instead of counting every match.
     */
    @Test
    void manyMatchesArePagedInOrderByTheScanWithoutATotal() {
        String surname = surname();
        List<String> all = twelveKens(surname);
        List<String> students = studentsOf(all);
        int collected = UserSearch.maxCollectedMatches;
        UserSearch.maxCollectedMatches = 5;
        try {
            Api.asAdmin().queryParam("q", surname).queryParam("sort", "name").queryParam("size", 4).queryParam("page", 1)
                    .get("/api/users").then().body("totalExact", equalTo(false)).body("total", equalTo(9))
                    .body("items.username", contains(all.subList(4, 8).toArray()));
            Api.asAdmin().queryParam("q", surname).queryParam("role", "student").queryParam("sort", "name").queryParam("size", 5)
                    .queryParam("page", 1).get("/api/users").then().body("totalExact", equalTo(false)).body("total", equalTo(9))
                    .body("items.username", contains(students.subList(5, 9).toArray()));
            given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).queryParam("q", surname).queryParam("sort", "name")
                    .queryParam("size", 5).get("/users").then().statusCode(200)
                    .body(containsString("Showing 1–5 of many users: type more to narrow down."), containsString("rel=\"next\""));
        } finally {
            UserSearch.maxCollectedMatches = collected;
        }
        Api.asAdmin().queryParam("q", surname).get("/api/users").then().body("totalExact", equalTo(true)).body("total", equalTo(12));
    }

    /**
     * A term many users share (a surname a tenth of a school has), listed by username, is paged by the
     * scan in that order, yet counted exactly from the words it matched.
     */
    @Test
    void aCommonSurnameIsPagedByTheUsernameWalkAndStillCountedExactly() {
        String surname = surname();
        List<String> all = twelveKens(surname);
        long reads = UserSearch.walkReadsPerMatch;
        UserSearch.walkReadsPerMatch = Integer.MAX_VALUE;
        try {
            Api.asAdmin().queryParam("q", surname).queryParam("size", 4).queryParam("page", 1).get("/api/users").then()
                    .body("totalExact", equalTo(true)).body("total", equalTo(12)).body("items.username", contains(all.subList(4, 8).toArray()));
            Api.asAdmin().queryParam("q", surname).queryParam("size", 5).queryParam("page", 2).get("/api/users").then()
                    .body("totalExact", equalTo(true)).body("total", equalTo(12)).body("items.username", contains(all.subList(10, 12).toArray()));
            given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).queryParam("q", surname).queryParam("size", 5)
                    .get("/users").then().statusCode(200).body(containsString("Showing 1–5 of 12 users."));
        } finally {
            UserSearch.walkReadsPerMatch = reads;
        }
    }
}
