package org.rollcall.backup;

import java.util.List;
import java.util.Map;

import org.rollcall.support.Api;

/** A small roster through the API with what a restore must keep: roles, flags, classes, members, odd names. */
record Roster(String teacher, List<String> students, String disabled, String mustChange, String classA, String classB) {

    static Roster create() {
        String teacher = Api.createUser("bk-teacher", "teacher");
        String s1 = Api.createUser("bk-stu", "student");
        String s2 = Api.unique("bk-zoe");
        Api.asAdmin().body(Map.of("username", s2, "displayName", "Zoë Ñúñez 李雷 🚀 O'Brien \"quoted\" \\ back", "email",
                s2 + "@example.org", "role", "student", "password", Api.PASSWORD)).post("/api/users").then().statusCode(201);
        String disabled = Api.createUser("bk-off", "student");
        Api.asAdmin().post("/api/users/" + disabled + "/disable").then().statusCode(200);
        String mustChange = Api.createUser("bk-reset", "student");
        Api.asAdmin().body(Map.of("password", Api.PASSWORD)).post("/api/users/" + mustChange + "/password-reset").then().statusCode(200);
        String classA = Api.createGroup(teacher);
        String classB = Api.createGroup(null);
        Api.addMember(classA, s1, "student");
        Api.addMember(classA, s2, "student");
        Api.addMember(classB, s1, "student");
        Api.addMember(classB, teacher, "teacher");
        Api.addMember(classB, disabled, "student");
        return new Roster(teacher, List.of(s1, s2), disabled, mustChange, classA, classB);
    }
}
