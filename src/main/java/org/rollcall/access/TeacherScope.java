package org.rollcall.access;

/**
 * What a teacher reaches besides all students: the classes they teach, and the members of those
 * classes. The one definition of a teacher's visibility, written once for each query language the
 * repositories speak (JPQL for entity queries, SQL for the search that runs over plain JDBC);
 * {@code TeacherScopeTest} checks that the two select the same rows.
 */
public final class TeacherScope {

    private TeacherScope() {
    }

    /** JPQL: ids of the classes the user {@code :actorId} teaches. */
    public static final String TAUGHT_CLASS_IDS_JPQL =
            "select t.schoolClass.id from Membership t where t.user.id = :actorId and t.role = 'teacher'";

    /** SQL: ids of the classes the user bound to the one parameter teaches. */
    public static final String TAUGHT_CLASS_IDS_SQL =
            "select t.group_id from membership t where t.user_id = ? and t.role = 'teacher'";

    /** JPQL condition on a class alias: the teacher {@code :actorId} teaches it. */
    public static String classTaught(String classAlias) {
        return classAlias + ".id in (" + TAUGHT_CLASS_IDS_JPQL + ")";
    }

    /** JPQL condition on a user alias: a member of a class the teacher {@code :actorId} teaches. */
    public static String memberOfTaughtClass(String userAlias) {
        return userAlias + ".id in (select v.user.id from Membership v where v.schoolClass.id in (" + TAUGHT_CLASS_IDS_JPQL + "))";
    }

    /** JPQL condition on a user alias: a student, or a member of a class the teacher {@code :actorId} teaches. */
    public static String visibleUser(String userAlias) {
        return "(" + userAlias + ".roleName = 'student' or " + memberOfTaughtClass(userAlias) + ")";
    }

    /** SQL condition on a user alias: a student, or a member of a class the teacher (one parameter) teaches. */
    public static String visibleUserSql(String userAlias) {
        return "(" + userAlias + ".role = 'student' or " + userAlias + ".id in (select v.user_id from membership v where v.group_id in ("
                + TAUGHT_CLASS_IDS_SQL + ")))";
    }
}
