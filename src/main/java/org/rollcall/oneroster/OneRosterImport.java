package org.rollcall.oneroster;

import static org.rollcall.oneroster.OneRosterFiles.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.schoolclass.SchoolClass;
import org.rollcall.transfer.ClassTransfer;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.transfer.MembershipTransfer;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A OneRoster 1.1 zip (from a student information system, or Rollcall's own export) in: classes,
 * users and enrollments through the bulk engine, with its preview (dry run) and per-row reasons.
 * A row Rollcall cannot map (a role it does not have, an enrollment of a user or class the zip does
 * not name) is rejected here with its reason; the rest are decided by the transfers' rules.
 * {@code tobedeleted} disables a user, never deletes one. Fields OneRoster does not carry (a class's
 * description, whether a user must change their password) are kept as stored.
 */
@ApplicationScoped
public class OneRosterImport {

    static final int CHUNK = 500;

    @Inject
    ClassTransfer classTransfer;
    @Inject
    UserTransfer userTransfer;
    @Inject
    MembershipTransfer membershipTransfer;
    @Inject
    UserRepository users;
    @Inject
    ClassRepository classes;

    public OneRosterReport importZip(Actor actor, InputStream body, boolean dryRun) throws IOException {
        AccessPolicy.requireAdmin(actor, "import OneRoster files");
        OneRosterZip zip = OneRosterZip.read(body);
        ImportRun run = new ImportRun(dryRun);
        Map<String, String> terms = new HashMap<>();
        zip.rows(SESSIONS).forEach(s -> terms.put(s.getOrDefault("sourcedid", ""), s.getOrDefault("title", "")));

        Map<String, String> classCodes = new HashMap<>();
        List<ImportOutcome> classOutcomes = new ArrayList<>();
        List<ClassRow> classRows = new ArrayList<>();
        List<Map<String, String>> classInput = zip.rows(CLASSES);
        Map<String, SchoolClass> storedClasses = QuarkusTransaction.requiringNew().call(() -> classes.findByCodes(
                classInput.stream().map(c -> c.getOrDefault("classcode", "").toUpperCase(Locale.ROOT)).toList()));
        for (Map<String, String> c : classInput) {
            String code = c.getOrDefault("classcode", "").toUpperCase(Locale.ROOT);
            String termId = c.getOrDefault("termsourcedids", "").split(",")[0].strip();
            String term = terms.get(termId);
            if (code.isEmpty()) {
                classOutcomes.add(ImportOutcome.rejected(key(c), "classCode: is required (Rollcall names a class by its code)"));
            } else if (term == null) {
                classOutcomes.add(ImportOutcome.rejected(code, "termSourcedIds: no academic session '" + termId + "' in " + SESSIONS));
            } else {
                classCodes.put(c.getOrDefault("sourcedid", ""), code);
                SchoolClass stored = storedClasses.get(code);
                classRows.add(new ClassRow(code, c.getOrDefault("title", ""), term, emptyToNull(c.get("periods")),
                        stored == null ? null : stored.getDescription(), null, null));
            }
        }
        classOutcomes.addAll(classTransfer.importAll(actor, classRows, run, CHUNK));

        Map<String, String> usernames = new HashMap<>();
        List<ImportOutcome> userOutcomes = new ArrayList<>();
        List<UserRow> userRows = new ArrayList<>();
        List<Map<String, String>> userInput = zip.rows(USERS);
        Map<String, User> stored = QuarkusTransaction.requiringNew().call(() -> users.findByUsernames(
                userInput.stream().map(OneRosterImport::username).toList()));
        for (Map<String, String> u : userInput) {
            String username = username(u);
            String role = roleOf(u.getOrDefault("role", ""));
            boolean deleted = "tobedeleted".equalsIgnoreCase(u.getOrDefault("status", ""));
            User existing = stored.get(username);
            if (username.isEmpty()) {
                userOutcomes.add(ImportOutcome.rejected(key(u), "username: is required"));
            } else if (deleted && existing == null) {
                userOutcomes.add(ImportOutcome.rejected(username, "status tobedeleted: there is no such user to disable"));
            } else if (deleted) {
                usernames.put(u.getOrDefault("sourcedid", ""), username);
                userRows.add(new UserRow(username, existing.getDisplayName(), existing.getEmail(), existing.getRoleName(), null, false,
                        existing.isMustChangePassword(), null, null, null));
            } else if (role == null) {
                userOutcomes.add(ImportOutcome.rejected(username, "role: '" + u.getOrDefault("role", "") + "' is not a Rollcall role"
                        + " (student, teacher, administrator)"));
            } else {
                usernames.put(u.getOrDefault("sourcedid", ""), username);
                userRows.add(new UserRow(username, OneRosterNames.join(u.get("givenname"), u.get("familyname")), emptyToNull(u.get("email")),
                        role, null, !"false".equalsIgnoreCase(u.getOrDefault("enableduser", "true")),
                        existing == null || existing.isMustChangePassword(), null, null, null));
            }
        }
        userOutcomes.addAll(userTransfer.importAll(actor, userRows, run, CHUNK));

        List<ImportOutcome> enrollmentOutcomes = new ArrayList<>();
        List<MembershipRow> memberships = new ArrayList<>();
        for (Map<String, String> e : zip.rows(ENROLLMENTS)) {
            String code = refer(classCodes, e.getOrDefault("classsourcedid", ""), CLASS_PREFIX);
            String username = refer(usernames, e.getOrDefault("usersourcedid", ""), USER_PREFIX);
            String role = e.getOrDefault("role", "").toLowerCase(Locale.ROOT);
            if (code == null) {
                enrollmentOutcomes.add(ImportOutcome.rejected(key(e), "classSourcedId: no class '" + e.get("classsourcedid") + "' in " + CLASSES));
            } else if (username == null) {
                enrollmentOutcomes.add(ImportOutcome.rejected(key(e), "userSourcedId: no user '" + e.get("usersourcedid") + "' in " + USERS));
            } else if (!role.equals("student") && !role.equals("teacher")) {
                enrollmentOutcomes.add(ImportOutcome.rejected(code + "/" + username, "role: '" + role
                        + "' is not a role in a Rollcall class (student, teacher)"));
            } else if ("tobedeleted".equalsIgnoreCase(e.getOrDefault("status", ""))) {
                enrollmentOutcomes.add(ImportOutcome.rejected(code + "/" + username,
                        "status tobedeleted: an import does not remove members; remove them on the class page"));
            } else {
                memberships.add(new MembershipRow(code, username, role, null));
            }
        }
        enrollmentOutcomes.addAll(membershipTransfer.importAll(actor, memberships, run, CHUNK));
        return new OneRosterReport(dryRun, List.of(OneRosterReport.FileReport.of(CLASSES, classOutcomes),
                OneRosterReport.FileReport.of(USERS, userOutcomes), OneRosterReport.FileReport.of(ENROLLMENTS, enrollmentOutcomes)));
    }

    /** Rollcall's role for a OneRoster user role; null for the roles Rollcall does not have (aide, guardian, parent, ...). */
    static String roleOf(String oneRosterRole) {
        return switch (oneRosterRole.strip().toLowerCase(Locale.ROOT)) {
            case "student" -> "student";
            case "teacher" -> "teacher";
            case "administrator" -> "admin";
            default -> null;
        };
    }

    private static String username(Map<String, String> user) {
        String username = user.getOrDefault("username", "").toLowerCase(Locale.ROOT);
        String id = user.getOrDefault("sourcedid", "");
        // a delta's tobedeleted row may carry only its sourcedId: Rollcall's own ids name the user
        return username.isEmpty() && id.startsWith(USER_PREFIX) ? id.substring(USER_PREFIX.length()) : username;
    }

    /** The key a sourcedId refers to: from this zip's file, else from a Rollcall sourcedId (a delta naming stored records). */
    private static String refer(Map<String, String> inZip, String sourcedId, String rollcallPrefix) {
        String key = inZip.get(sourcedId);
        if (key == null && sourcedId.startsWith(rollcallPrefix) && sourcedId.length() > rollcallPrefix.length()) {
            key = sourcedId.substring(rollcallPrefix.length());
        }
        return key;
    }

    private static String key(Map<String, String> row) {
        return "sourcedId " + row.getOrDefault("sourcedid", "(none)");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
