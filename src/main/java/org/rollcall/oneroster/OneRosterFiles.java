package org.rollcall.oneroster;

import java.util.List;
import java.util.Map;

/**
 * The OneRoster 1.1 CSV binding as Rollcall writes and reads it: the files, their columns in the
 * specification's order (every column is written, blank when Rollcall has nothing for it), and the
 * sourcedIds, derived from Rollcall's stable keys so that an export names the same records the same
 * way every time.
 */
final class OneRosterFiles {

    private OneRosterFiles() {
    }

    static final String MANIFEST = "manifest.csv";
    static final String ORGS = "orgs.csv";
    static final String SESSIONS = "academicSessions.csv";
    static final String COURSES = "courses.csv";
    static final String CLASSES = "classes.csv";
    static final String USERS = "users.csv";
    static final String ENROLLMENTS = "enrollments.csv";

    static final List<String> MANIFEST_COLUMNS = List.of("propertyName", "value");
    static final List<String> ORG_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier",
            "parentSourcedId");
    static final List<String> SESSION_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "title", "type", "startDate",
            "endDate", "parentSourcedId", "schoolYear");
    static final List<String> COURSE_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
            "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes");
    static final List<String> CLASS_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "title", "grades",
            "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
            "periods");
    /** The specification's last column, password, is written empty: Rollcall never exports one. */
    static final List<String> USER_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
            "role", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
            "agentSourcedIds", "grades", "password");
    static final List<String> ENROLLMENT_COLUMNS = List.of("sourcedId", "status", "dateLastModified", "classSourcedId",
            "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate");

    /** The data files in the order an import reads them (a class before its enrollments). */
    static final Map<String, List<String>> DATA_FILES = Map.of(ORGS, ORG_COLUMNS, SESSIONS, SESSION_COLUMNS, COURSES,
            COURSE_COLUMNS, CLASSES, CLASS_COLUMNS, USERS, USER_COLUMNS, ENROLLMENTS, ENROLLMENT_COLUMNS);

    static final String ORG_ID = "rc-org";
    static final String USER_PREFIX = "rc-user-";
    static final String CLASS_PREFIX = "rc-class-";

    static String userId(String username) {
        return USER_PREFIX + username;
    }

    static String classId(String code) {
        return CLASS_PREFIX + code;
    }

    static String courseId(String code) {
        return "rc-course-" + code;
    }

    static String termId(String term) {
        return "rc-term-" + term;
    }

    static String enrollmentId(String code, String username) {
        return "rc-enrollment-" + code + "-" + username;
    }

    /** The manifest key of a data file: "file.users" for users.csv. */
    static String manifestKey(String file) {
        return "file." + file.substring(0, file.length() - ".csv".length());
    }
}
