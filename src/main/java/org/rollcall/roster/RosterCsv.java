package org.rollcall.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.ClassView;
import org.rollcall.schoolclass.MemberView;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.user.User;
import org.rollcall.user.UserQuery;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserService;
import org.rollcall.user.UserView;

/**
 * The users list and a class roster as CSV, in the roster import's columns (so a file downloaded
 * here can be uploaded again unchanged): username, name, email, role, classes (codes separated by
 * {@code ;}), and for a roster the role in that class. Never a password. Written page by page as
 * the search finds the users, so a long list is never held whole.
 */
@ApplicationScoped
public class RosterCsv {

    public static final List<String> USER_COLUMNS = List.of("username", "name", "email", "role", "classes");
    public static final String ROLE_IN_CLASS = "role in class";
    static final int PAGE = PageRequest.MAX_SIZE;

    @Inject
    UserService users;
    @Inject
    ClassService classes;
    @Inject
    UserRepository userRepository;
    @Inject
    MembershipRepository memberships;

    /** Every user the query finds, in its order. The first page is read before the download starts, so a refusal is an error, not a broken file. */
    public StreamingOutput users(Actor actor, UserQuery query) {
        Page<UserView> first = users.searchCurrent(actor, query, PageRequest.of(0, PAGE));
        return out -> {
            try (CSVPrinter csv = printer(out, USER_COLUMNS)) {
                Page<UserView> page = first;
                while (!page.items().isEmpty()) {
                    Map<String, String> codes = classCodes(page.items().stream().map(UserView::username).toList());
                    for (UserView u : page.items()) {
                        row(csv, u.username(), u.displayName(), u.email(), u.role().id(), codes.get(u.username()));
                    }
                    if (page.items().size() < PAGE) {
                        break;
                    }
                    page = users.searchCurrent(actor, query, PageRequest.of(page.page() + 1, PAGE));
                }
            }
        };
    }

    /** The members of a class the actor manages, with their role in it. */
    public StreamingOutput roster(Actor actor, String code) {
        ClassView schoolClass = classes.find(actor, code).orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
        List<String> usernames = schoolClass.members().stream().map(MemberView::username).toList();
        Map<String, User> stored = userRepository.findByUsernames(usernames);
        Map<String, String> codes = classCodes(usernames);
        List<String> columns = new ArrayList<>(USER_COLUMNS);
        columns.add(ROLE_IN_CLASS);
        return out -> {
            try (CSVPrinter csv = printer(out, columns)) {
                for (MemberView m : schoolClass.members()) {
                    User user = stored.get(m.username());
                    row(csv, m.username(), m.displayName(), user == null ? null : user.getEmail(), m.userRole().id(),
                            codes.get(m.username()), m.role().id());
                }
            }
        };
    }

    /** username -> the codes of their classes, sorted, joined by ";". */
    private Map<String, String> classCodes(List<String> usernames) {
        Map<String, TreeSet<String>> codes = new HashMap<>();
        for (String key : memberships.keysOfUsernames(usernames)) {
            int slash = key.indexOf('/');
            codes.computeIfAbsent(key.substring(slash + 1), k -> new TreeSet<>()).add(key.substring(0, slash));
        }
        Map<String, String> joined = new HashMap<>();
        codes.forEach((username, set) -> joined.put(username, String.join(";", set)));
        return joined;
    }

    /** The CSV as a download named {@code filename}, never cached (it lists people). */
    public static Response download(StreamingOutput csv, String filename) {
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** A UTF-8 CSV with a byte-order mark (so Excel reads accents right) and the header row. */
    public static CSVPrinter printer(OutputStream out, List<String> columns) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
    }

    /** One row, every cell neutralised. */
    public static void row(CSVPrinter csv, String... cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.length);
        for (String cell : cells) {
            safe.add(cell == null ? "" : CsvCells.safe(cell));
        }
        csv.printRecord(safe);
    }
}
