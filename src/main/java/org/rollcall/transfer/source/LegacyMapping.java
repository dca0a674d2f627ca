package org.rollcall.transfer.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator;
import org.rollcall.schoolclass.ClassRow;

/**
 * How the Flask app's records become Rollcall's: roles ({@code Admin} -> admin, {@code User} ->
 * student, or teacher when named in --teachers) and sections -> classes. A legacy membership has
 * a year; a Rollcall class has a term. A section whose members all share one year (or have none)
 * becomes one class with the section's abbreviation as its code; a section used in several years
 * becomes one class per year, coded ABBREVIATION-YEAR, so no year's roster is merged into another.
 */
public final class LegacyMapping {

    record Section(String abbreviation, String name, TreeSet<String> terms) {
    }

    private final Map<String, Boolean> teachers = new LinkedHashMap<>();
    private final String defaultTerm;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();

    LegacyMapping(List<String> teachers, String defaultTerm) {
        teachers.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).forEach(t -> this.teachers.put(t, false));
        this.defaultTerm = defaultTerm;
    }

    /** The Rollcall role for a legacy user, or null when the legacy role is neither User nor Admin. */
    String role(String uid, String legacyRole) {
        String key = uid == null ? "" : uid.strip().toLowerCase(Locale.ROOT);
        boolean teacher = teachers.containsKey(key);
        if (teacher) {
            teachers.put(key, true);
        }
        String role = legacyRole == null ? "" : legacyRole.strip();
        if (role.equalsIgnoreCase("Admin")) {
            if (teacher) {
                notes.add("'" + key + "' is named in --teachers but is an Admin in the legacy app: kept as admin.");
            }
            return "admin";
        }
        if (role.equalsIgnoreCase("User")) {
            return teacher ? "teacher" : "student";
        }
        return null;
    }

    /**
     * The email to import: the legacy app stored "?" and other junk for accounts made without one.
     * What is not an address is imported as no email, with a note for the report, so the user (and
     * their memberships) still come across.
     */
    String email(String origin, String uid, String legacyEmail) {
        String email = legacyEmail == null ? "" : legacyEmail.strip();
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > 254 || !ADDRESS.isValid(email, null)) {
            notes.add(origin + " ('" + uid + "'): email '" + email + "' is not an address; imported without an email.");
            return null;
        }
        return email;
    }

    /** The check behind the user form's {@code @Email}, so what passes here passes there. */
    private static final EmailValidator ADDRESS = new EmailValidator();

    static String unknownRole(String legacyRole) {
        return "role: legacy role '" + legacyRole + "' is neither 'User' nor 'Admin'";
    }

    /** Teachers and admins teach the sections they are in; everyone else is a student there. */
    static String membershipRole(String userRole) {
        return "teacher".equals(userRole) || "admin".equals(userRole) ? "teacher" : "student";
    }

    String term(String year) {
        return year == null || year.isBlank() ? defaultTerm : year.strip();
    }

    /** Records a section; the first name seen for an abbreviation wins. */
    void section(String abbreviation, String name) {
        sections.computeIfAbsent(sectionKey(abbreviation), k -> new Section(abbreviation.strip(), name, new TreeSet<>()));
    }

    /** Records that the section has a member in this year (null: a member without a year). */
    void memberYear(String abbreviation, String year) {
        Section section = sections.get(sectionKey(abbreviation));
        if (section != null) {
            section.terms().add(term(year));
        }
    }

    /** The terms a section's classes get: its members' years, or the default term when it has no members. */
    private SortedSet<String> terms(Section section) {
        return section.terms().isEmpty() ? new TreeSet<>(List.of(defaultTerm)) : section.terms();
    }

    String classCode(String abbreviation, String year) {
        Section section = sections.get(sectionKey(abbreviation));
        String code = abbreviation.strip();
        if (section == null || terms(section).size() <= 1) {
            return code;
        }
        return code + "-" + term(year).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "-");
    }

    /** One class per section and term. */
    List<ClassRow> classes() {
        List<ClassRow> rows = new ArrayList<>();
        for (Section s : sections.values()) {
            for (String term : terms(s)) {
                rows.add(new ClassRow(classCode(s.abbreviation(), term), s.name(), term, null, null, null, null));
            }
        }
        return rows;
    }

    List<String> problems() {
        return teachers.entrySet().stream().filter(e -> !e.getValue())
                .map(e -> "--teachers names '" + e.getKey() + "', but the source has no such user.").toList();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private static String sectionKey(String abbreviation) {
        return abbreviation.strip().toUpperCase(Locale.ROOT);
    }
}
