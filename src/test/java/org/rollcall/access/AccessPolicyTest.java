package org.rollcall.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.user.Role;

/** The role rules of the permissions matrix, without a database: who may assign, manage and delete what. */
class AccessPolicyTest {

    private static final Actor ADMIN = new Actor(1, "ada", Role.ADMIN);
    private static final Actor TEACHER = new Actor(2, "tom", Role.TEACHER);
    private static final Actor STUDENT = new Actor(3, "sam", Role.STUDENT);

    @Test
    void onlyTeachersAndAdminsAreStaff() {
        assertTrue(AccessPolicy.isStaff(ADMIN));
        assertTrue(AccessPolicy.isStaff(TEACHER));
        assertFalse(AccessPolicy.isStaff(STUDENT));
        assertFalse(AccessPolicy.isStaff(null));
        DomainException refused = assertThrows(DomainException.class, () -> AccessPolicy.requireStaff(STUDENT, "users"));
        assertEquals(403, refused.status());
        assertEquals("Only teachers and admins can manage users.", refused.getMessage());
    }

    @Test
    void teachersAssignAndManageStudentsOnlyAdminsEveryRole() {
        assertEquals(List.of(Role.STUDENT), AccessPolicy.assignableRoles(TEACHER));
        assertEquals(List.of(Role.STUDENT, Role.TEACHER, Role.ADMIN), AccessPolicy.assignableRoles(ADMIN));
        for (Role role : Role.values()) {
            assertEquals(role == Role.STUDENT, AccessPolicy.canAssign(TEACHER, role), role.id());
            assertEquals(role == Role.STUDENT, AccessPolicy.canManage(TEACHER, role), role.id());
            assertTrue(AccessPolicy.canManage(ADMIN, role), role.id());
            assertFalse(AccessPolicy.canManage(STUDENT, role), "a student manages nobody, not even a " + role.id());
        }
        assertEquals("Teachers can change students only.",
                assertThrows(DomainException.class, () -> AccessPolicy.requireManage(TEACHER, Role.TEACHER)).getMessage());
        assertEquals("Teachers can create and edit students only.",
                assertThrows(DomainException.class, () -> AccessPolicy.requireAssign(TEACHER, Role.ADMIN)).getMessage());
    }

    @Test
    void studentsAssignNothingAndOnlyAdminsDoAdminWork() {
        assertEquals(List.of(), AccessPolicy.assignableRoles(STUDENT));
        assertFalse(AccessPolicy.canAssign(STUDENT, Role.STUDENT));
        assertEquals("Only an admin can delete users.",
                assertThrows(DomainException.class, () -> AccessPolicy.requireAdmin(TEACHER, "delete users")).getMessage());
        assertThrows(DomainException.class, () -> AccessPolicy.requireAdmin(STUDENT, "anything"));
        assertThrows(DomainException.class, () -> AccessPolicy.requireAdmin(null, "anything"));
    }
}
