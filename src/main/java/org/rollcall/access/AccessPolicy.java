package org.rollcall.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.RollcallConfig;
import org.rollcall.schoolclass.SchoolClass;
import org.rollcall.user.Role;
import org.rollcall.user.User;

import io.quarkus.runtime.StartupEvent;

/**
 * The permissions matrix (README "Users, classes and permissions") in one place. Services enforce
 * it with the {@code require...} methods; pages ask the {@code can...} methods what to offer; the
 * queries that list what a teacher may see take their condition from {@link TeacherScope}.
 * <p>
 * Teachers see every student and the members of the classes they teach, manage students only,
 * and manage the classes they teach. Admins may do everything except change their own role,
 * disable or delete themselves. Students reach only their own profile and, read-only, the classes
 * they are in. Who may change their own name and email is a setting (ROLLCALL_SELF_EDIT_LOCKED_ROLES).
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    EntityManager em;
    @Inject
    RollcallConfig config;
    private Set<Role> selfEditLocked;

    @PostConstruct
    void readSettings() {
        selfEditLocked = lockedRoles(config.selfEdit().lockedRoles().orElse(List.of()));
    }

    /** Creates the policy at start, so that a mistyped role in the setting stops the start rather than a page. */
    void checkSettings(@Observes StartupEvent start) {
    }

    private static Set<Role> lockedRoles(List<String> roles) {
        try {
            return roles.stream().map(Role::parse).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ROLLCALL_SELF_EDIT_LOCKED_ROLES: " + e.getMessage(), e);
        }
    }

    /** Teachers and admins: the people who manage users and classes. */
    public static boolean isStaff(Actor actor) {
        return actor != null && (actor.isAdmin() || actor.isTeacher());
    }

    /** Refuses anyone but teachers and admins; {@code what} completes "Only teachers and admins can manage ...". */
    public static void requireStaff(Actor actor, String what) {
        if (!isStaff(actor)) {
            throw DomainException.forbidden("Only teachers and admins can manage " + what + ".");
        }
    }

    /** Refuses anyone but admins; {@code what} completes "Only an admin can ...". */
    public static void requireAdmin(Actor actor, String what) {
        if (actor == null || !actor.isAdmin()) {
            throw DomainException.forbidden("Only an admin can " + what + ".");
        }
    }

    /** Whether the actor may give an account this role (create it so, or edit it into it). */
    public static boolean canAssign(Actor actor, Role role) {
        return isStaff(actor) && (actor.isAdmin() || role == Role.STUDENT);
    }

    /** The roles the actor may give, in the order a form offers them. */
    public static List<Role> assignableRoles(Actor actor) {
        return List.of(Role.STUDENT, Role.TEACHER, Role.ADMIN).stream().filter(role -> canAssign(actor, role)).toList();
    }

    public static void requireAssign(Actor actor, Role role) {
        if (!canAssign(actor, role)) {
            throw DomainException.forbidden("Teachers can create and edit students only.");
        }
    }

    /** Whether the actor may edit, disable or reset the password of an account with this role (one they can see). */
    public static boolean canManage(Actor actor, Role accountRole) {
        return isStaff(actor) && (actor.isAdmin() || accountRole == Role.STUDENT);
    }

    public static void requireManage(Actor actor, Role accountRole) {
        if (!canManage(actor, accountRole)) {
            throw DomainException.forbidden("Teachers can change students only.");
        }
    }

    /** Whether the actor may disable this account: one they manage, never their own (they would lock themselves out). */
    public static boolean canDisable(Actor actor, String username, Role accountRole) {
        return canManage(actor, accountRole) && !isSelf(actor, username);
    }

    /** Whether the actor may delete this account: admins only, never their own. */
    public static boolean canDelete(Actor actor, String username) {
        return actor != null && actor.isAdmin() && !isSelf(actor, username);
    }

    private static boolean isSelf(Actor actor, String username) {
        return actor.username().equalsIgnoreCase(username);
    }

    /** Whether the actor may see this user: admins all, anyone themselves, teachers students and their classes' members. */
    public boolean canView(Actor actor, User user) {
        return canView(actor, user.getId(), user.getRole());
    }

    /** {@link #canView(Actor, User)} for a user read without the entity. */
    public boolean canView(Actor actor, long userId, Role role) {
        return actor.isAdmin() || actor.id() == userId
                || (actor.isTeacher() && (role == Role.STUDENT || teaches(actor, userId)));
    }

    /** Returns the user when the actor may see them; otherwise refuses without revealing anything. */
    public User requireView(Actor actor, User user) {
        requireView(actor, user.getId(), user.getRole());
        return user;
    }

    /** {@link #requireView(Actor, User)} for a user read without the entity. */
    public void requireView(Actor actor, long userId, Role role) {
        if (!canView(actor, userId, role)) {
            throw cannotSee();
        }
    }

    /**
     * The answer to a user the actor named who does not exist. Admins learn that; anyone else gets
     * the refusal they get for a user they may not see, so that they cannot tell the two apart.
     */
    public static DomainException noSuchUser(Actor actor, String username) {
        return actor.isAdmin() ? DomainException.notFound("No user '" + username + "'.") : cannotSee();
    }

    private static DomainException cannotSee() {
        return DomainException.forbidden("You can see students and the members of your own classes only.");
    }

    /**
     * The message for a username or email that is already someone's. Admins are told so; for anyone
     * else it reads the same whether or not they may see the holder, and says nothing about them.
     */
    public static String taken(Actor actor, String field) {
        if (actor.isAdmin()) {
            return field.equals("email") ? "is already used by another user" : "is already taken";
        }
        return field.equals("email") ? "cannot be used: give another address or none" : "is not available: choose another";
    }

    /** Whether the actor may edit the class and its members: admins all, teachers the classes they teach. */
    public boolean canManage(Actor actor, SchoolClass schoolClass) {
        return actor.isAdmin() || (actor.isTeacher() && em.createQuery("select count(c) from SchoolClass c where c.id = :classId and "
                + TeacherScope.classTaught("c"), Long.class)
                .setParameter("classId", schoolClass.getId()).setParameter("actorId", actor.id()).getSingleResult() > 0);
    }

    /** Of these classes (ids), the ones the actor may manage: all for admins, those they teach for teachers, none otherwise. */
    public Set<Long> manageableClassIds(Actor actor, java.util.Collection<Long> classIds) {
        if (classIds.isEmpty() || !isStaff(actor)) {
            return Set.of();
        }
        if (actor.isAdmin()) {
            return Set.copyOf(classIds);
        }
        return Set.copyOf(em.createQuery("select c.id from SchoolClass c where c.id in :classIds and " + TeacherScope.classTaught("c"), Long.class)
                .setParameter("classIds", classIds).setParameter("actorId", actor.id()).getResultList());
    }

    public SchoolClass requireManage(Actor actor, SchoolClass schoolClass) {
        if (!canManage(actor, schoolClass)) {
            throw DomainException.forbidden("You can manage only the classes you teach.");
        }
        return schoolClass;
    }

    /** Whether the actor may change their own name and email: yes unless an admin locked it for their role. */
    public boolean canEditOwnProfile(Actor actor) {
        return actor != null && !selfEditLocked.contains(actor.role());
    }

    public void requireEditOwnProfile(Actor actor) {
        if (!canEditOwnProfile(actor)) {
            String whoCan = actor.role() == Role.STUDENT ? "a teacher or an admin" : "an admin";
            throw DomainException.forbidden("Changing your own name and email is switched off for " + actor.role().id() + "s: ask "
                    + whoCan + " to change them.");
        }
    }

    /** Whether the actor may see the class as one of its members (read-only): admins all, anyone the classes they are in. */
    public boolean canSeeClass(Actor actor, SchoolClass schoolClass) {
        return actor.isAdmin() || em.createQuery("select count(m) from Membership m where m.schoolClass.id = :classId"
                + " and m.user.id = :actorId", Long.class)
                .setParameter("classId", schoolClass.getId()).setParameter("actorId", actor.id()).getSingleResult() > 0;
    }

    public SchoolClass requireSeeClass(Actor actor, SchoolClass schoolClass) {
        if (!canSeeClass(actor, schoolClass)) {
            throw notInClass();
        }
        return schoolClass;
    }

    /** The answer to a class code that does not exist: as for a class the actor is not in, except to admins. */
    public static DomainException noSuchClass(Actor actor, String code) {
        return actor.isAdmin() ? DomainException.notFound("No class '" + code + "'.") : notInClass();
    }

    private static DomainException notInClass() {
        return DomainException.forbidden("You can see only the classes you are in.");
    }

    /** The user is in a class the teacher teaches. */
    private boolean teaches(Actor teacher, long userId) {
        return em.createQuery("select count(u) from User u where u.id = :userId and " + TeacherScope.memberOfTaughtClass("u"), Long.class)
                .setParameter("userId", userId).setParameter("actorId", teacher.id()).getSingleResult() > 0;
    }
}
