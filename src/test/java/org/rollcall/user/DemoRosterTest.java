package org.rollcall.user;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Dev mode's demo roster (rollcall.demo-data=true, as %dev sets it), on a fresh database: the
 * accounts README names can log in and see their classes. The packaged app never loads it
 * (PackagedStartIT).
 */
@QuarkusTest
@TestProfile(DemoRosterTest.DemoData.class)
class DemoRosterTest {

    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollcall.demo-data", "true");
        }
    }

    @Test
    void aFreshDatabaseGetsATeacherTwentyStudentsAndTwoClasses() {
        Api.as("teacher", "teacher-demo-1").get("/api/groups").then().statusCode(200)
                .body("items.code", containsInAnyOrder("CSA", "CSP"));
        Api.as("teacher", "teacher-demo-1").get("/api/users?role=student&size=50").then().statusCode(200)
                .body("total", equalTo(20)).body("items.displayName", hasItems("Zoë Ñúñez", "李雷", "Sophie Wilson 🚀"));
        Api.as("student1", "student-demo-1").get("/api/me/groups").then().statusCode(200)
                .body("code", containsInAnyOrder("CSA"));
    }

    @Test
    void everyDemoStudentCanLogInWithTheDemoPassword() {
        Api.as("student2", "student-demo-1").get("/api/me/groups").then().statusCode(200)
                .body("code", containsInAnyOrder("CSP"));
        Api.as("student20", "student-demo-1").get("/api/me/groups").then().statusCode(200)
                .body("code", containsInAnyOrder("CSP"));
    }
}
