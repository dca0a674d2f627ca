package org.rollcall.transfer.source;

import org.rollcall.transfer.source.LegacyMapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.schoolclass.ClassRow;

class LegacyMappingTest {

    @Test
    void rolesMapAndTeachersArePromoted() {
        LegacyMapping mapping = new LegacyMapping(List.of(" Grace ", "toby", "ghost"), "legacy");
        assertEquals("admin", mapping.role("boss", "Admin"));
        assertEquals("student", mapping.role("ada", "User"));
        assertEquals("teacher", mapping.role("GRACE", "user"));
        assertEquals("admin", mapping.role("toby", "Admin"), "an admin stays admin");
        assertNull(mapping.role("odd", "Teacher"));
        assertEquals(List.of("--teachers names 'ghost', but the source has no such user."), mapping.problems());
        assertEquals(List.of("'toby' is named in --teachers but is an Admin in the legacy app: kept as admin."), mapping.notes());
    }

    @Test
    void aSectionUsedInSeveralYearsBecomesOneClassPerYear() {
        LegacyMapping mapping = new LegacyMapping(List.of(), "legacy");
        mapping.section("CSA", "Computer Science A");
        mapping.section("csp", "Principles");
        mapping.section("DS", "Data Structures");
        mapping.memberYear("CSA", "2024");
        mapping.memberYear("CSA", "2023");
        mapping.memberYear("CSA", "2024");
        mapping.memberYear("CSP", "2024");
        assertEquals(List.of(
                new ClassRow("CSA-2023", "Computer Science A", "2023", null, null, null, null),
                new ClassRow("CSA-2024", "Computer Science A", "2024", null, null, null, null),
                new ClassRow("csp", "Principles", "2024", null, null, null, null),
                new ClassRow("DS", "Data Structures", "legacy", null, null, null, null)), mapping.classes());
        assertEquals("CSA-2023", mapping.classCode("CSA", "2023"));
        assertEquals("csp", mapping.classCode("csp", "2024"));
        assertEquals("DS", mapping.classCode("DS", null));
    }

    @Test
    void membershipRolesFollowTheUsersRole() {
        assertEquals("teacher", LegacyMapping.membershipRole("teacher"));
        assertEquals("teacher", LegacyMapping.membershipRole("admin"));
        assertEquals("student", LegacyMapping.membershipRole("student"));
        assertEquals("student", LegacyMapping.membershipRole(null));
    }
}
