package org.rollcall.oneroster;

import static org.rollcall.oneroster.OneRosterFiles.*;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVPrinter;
import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.RollcallConfig;
import org.rollcall.roster.RosterCsv;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.transfer.ClassTransfer;
import org.rollcall.transfer.MembershipTransfer;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.user.Role;

/**
 * The whole school as a OneRoster 1.1 bulk zip: the school as the one org, a class's term as its
 * academic session, each class as a course and a class, every user and membership. Read through
 * the transfers' export, page by page, in one transaction (one consistent copy). No password.
 */
@ApplicationScoped
public class OneRosterExport {

    static final int PAGE = 1000;
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    @Inject
    ClassTransfer classes;
    @Inject
    UserTransfer users;
    @Inject
    MembershipTransfer memberships;
    @Inject
    RollcallConfig config;

    /** Writes the zip to {@code out} (left open); returns the number of users, classes and enrollments written. */
    @Transactional
    public long[] write(Actor actor, OutputStream out) throws IOException {
        AccessPolicy.requireAdmin(actor, "export OneRoster files");
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();   // the caller owns the stream
            }
        });
        List<ClassRow> all = new ArrayList<>();
        classes.export(actor, PAGE, all::addAll);
        manifest(zip);
        try (CSVPrinter csv = entry(zip, ORGS, ORG_COLUMNS)) {
            RosterCsv.row(csv, ORG_ID, "", "", config.schoolName(), "school", "", "");
        }
        TreeSet<String> terms = new TreeSet<>(all.stream().map(ClassRow::term).toList());
        try (CSVPrinter csv = entry(zip, SESSIONS, SESSION_COLUMNS)) {
            for (String term : terms) {
                int year = startYear(term);
                RosterCsv.row(csv, termId(term), "", "", term, "term", year + "-08-01", (year + 1) + "-07-31", "",
                        Integer.toString(year + 1));
            }
        }
        try (CSVPrinter csv = entry(zip, COURSES, COURSE_COLUMNS)) {
            for (ClassRow c : all) {
                RosterCsv.row(csv, courseId(c.code()), "", "", termId(c.term()), c.name(), c.code(), "", ORG_ID, "", "");
            }
        }
        try (CSVPrinter csv = entry(zip, CLASSES, CLASS_COLUMNS)) {
            for (ClassRow c : all) {
                RosterCsv.row(csv, classId(c.code()), "", "", c.name(), "", courseId(c.code()), c.code(), "scheduled", "", ORG_ID,
                        termId(c.term()), "", "", c.period());
            }
        }
        long[] counts = new long[] { 0, all.size(), 0 };
        try (CSVPrinter csv = entry(zip, USERS, USER_COLUMNS)) {
            counts[0] = users.export(actor, PAGE, page -> page.forEach(u -> {
                String[] name = OneRosterNames.split(u.displayName());
                row(csv, userId(u.username()), "", "", Boolean.toString(u.enabled()), ORG_ID, roleOf(u.role()), u.username(), "",
                        name[0], name[1], "", "", u.email(), "", "", "", "", "");
            }));
        }
        try (CSVPrinter csv = entry(zip, ENROLLMENTS, ENROLLMENT_COLUMNS)) {
            counts[2] = memberships.export(actor, PAGE, page -> page.forEach(m -> row(csv, enrollmentId(m.group(), m.username()), "",
                    "", classId(m.group()), ORG_ID, userId(m.username()), m.role(), "", "", "")));
        }
        zip.finish();
        zip.close();
        return counts;
    }

    private static void manifest(ZipOutputStream zip) throws IOException {
        try (CSVPrinter csv = entry(zip, MANIFEST, MANIFEST_COLUMNS)) {
            RosterCsv.row(csv, "manifest.version", "1.0");
            RosterCsv.row(csv, "oneroster.version", "1.1");
            for (String file : List.of("file.academicSessions", "file.categories", "file.classes", "file.classResources", "file.courses",
                    "file.courseResources", "file.demographics", "file.enrollments", "file.lineItems", "file.orgs", "file.resources",
                    "file.results", "file.users")) {
                boolean written = List.of(SESSIONS, CLASSES, COURSES, ENROLLMENTS, ORGS, USERS).stream()
                        .anyMatch(f -> manifestKey(f).equals(file));
                RosterCsv.row(csv, file, written ? "bulk" : "absent");
            }
            RosterCsv.row(csv, "source.systemName", "Rollcall");
            RosterCsv.row(csv, "source.systemCode", "rollcall");
        }
    }

    /** A zip entry written as CSV without a byte-order mark (the binding does not expect one); closing the printer ends the entry. */
    private static CSVPrinter entry(ZipOutputStream zip, String name, List<String> columns) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream entry = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
                zip.closeEntry();
            }
        };
        return new CSVPrinter(new java.io.OutputStreamWriter(entry, java.nio.charset.StandardCharsets.UTF_8),
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
    }

    private static void row(CSVPrinter csv, String... cells) {
        try {
            RosterCsv.row(csv, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String roleOf(String rollcallRole) {
        return Role.ADMIN.id().equals(rollcallRole) ? "administrator" : rollcallRole;
    }

    /** The year a term such as "2025-26" starts in; the current year for a term without one. */
    static int startYear(String term) {
        Matcher m = YEAR.matcher(term);
        return m.find() ? Integer.parseInt(m.group(1)) : java.time.Year.now().getValue();
    }
}
