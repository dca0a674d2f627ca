package org.rollcall.schoolclass;

import java.util.List;

/**
 * A class as its members see it (read-only): what it is and who teaches it. Classmates are counted,
 * not named: students are children, and a class list of names and usernames is for their teachers.
 */
public record ClassOverview(String code, String name, String term, String period, String description,
        List<String> teachers, long students) {

    static ClassOverview of(SchoolClass c, List<MemberView> members) {
        List<String> teachers = members.stream().filter(m -> m.role() == ClassRole.TEACHER).map(MemberView::displayName).toList();
        long students = members.stream().filter(m -> m.role() == ClassRole.STUDENT).count();
        return new ClassOverview(c.getCode(), c.getName(), c.getTerm(), c.getPeriod(), c.getDescription(), teachers, students);
    }
}
