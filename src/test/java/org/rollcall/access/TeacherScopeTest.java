package org.rollcall.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.support.Api;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;

import io.quarkus.test.junit.QuarkusTest;

/** A teacher's visibility, written once per query language: both languages select the same people, and the policy agrees. */
@QuarkusTest
class TeacherScopeTest {

    private final EntityManager em;
    private final UserRepository users;
    private final ClassRepository classes;
    private final AccessPolicy policy;

    TeacherScopeTest(EntityManager em, UserRepository users, ClassRepository classes, AccessPolicy policy) {
        this.em = em;
        this.users = users;
        this.classes = classes;
        this.policy = policy;
    }

    @Test
    @Transactional
    void jpqlAndSqlSelectTheSameUsersAndThePolicyFollowsThem() {
        String teacher = Api.createUser("scope-t", "teacher");
        String colleague = Api.createUser("scope-c", "teacher");
        String stranger = Api.createUser("scope-s", "teacher");
        String admin = Api.createUser("scope-a", "admin");
        String code = Api.createGroup(teacher);
        Api.addMember(code, colleague, "teacher");
        Api.addMember(code, admin, "student");
        String otherClass = Api.createGroup(stranger);
        long teacherId = id(teacher);

        Set<Long> byJpql = new TreeSet<>(em.createQuery("select u.id from User u where " + TeacherScope.visibleUser("u"), Long.class).setParameter("actorId", teacherId).getResultList());
        @SuppressWarnings("unchecked")
        List<Number> sqlIds = em.createNativeQuery("select u.id from app_user u where " + TeacherScope.visibleUserSql("u"))
                .setParameter(1, teacherId).getResultList();
        Set<Long> bySql = new TreeSet<>(sqlIds.stream().map(Number::longValue).toList());
        assertEquals(byJpql, bySql);
        assertTrue(bySql.containsAll(List.of(teacherId, id(colleague), id(admin))), "the members of the class they teach");
        assertFalse(bySql.contains(id(stranger)), "a teacher of another class");

        Actor actor = new Actor(teacherId, teacher, Role.TEACHER);
        for (String username : List.of(teacher, colleague, stranger, admin)) {
            User user = users.findByUsername(username).orElseThrow();
            assertEquals(bySql.contains(user.getId()), policy.canView(actor, user), username);
        }
        assertTrue(policy.canManage(actor, classes.findByCode(code).orElseThrow()));
        assertFalse(policy.canManage(actor, classes.findByCode(otherClass).orElseThrow()));

        String student = Api.createUser("scope-p", "student");
        String classmate = Api.createUser("scope-p", "student");
        Actor pupil = new Actor(id(student), student, Role.STUDENT);
        assertTrue(policy.canView(pupil, users.findByUsername(student).orElseThrow()), "a student sees themselves");
        assertFalse(policy.canView(pupil, users.findByUsername(classmate).orElseThrow()), "and no other student");
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().getId();
    }
}
