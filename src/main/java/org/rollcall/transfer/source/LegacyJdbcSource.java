package org.rollcall.transfer.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

/**
 * The Flask app's schema ({@code users}, {@code sections}, {@code user_sections}) on SQLite or
 * MySQL. Password hashes come across as they are (Werkzeug PBKDF2); Rollcall checks them at
 * login and replaces them with Argon2id there.
 */
public final class LegacyJdbcSource extends JdbcSource {

    private final LegacyMapping mapping;
    private final List<ClassRow> classes;
    private final List<String> notes = new ArrayList<>();

    LegacyJdbcSource(Connection connection, boolean mysql, String description, LegacyMapping mapping) throws Exception {
        super(connection, mysql, description);
        this.mapping = mapping;
        query("select _abbreviation, _name from sections where _abbreviation is not null order by id",
                rs -> mapping.section(rs.getString(1), rs.getString(2)));
        query("select distinct s._abbreviation, us.year from user_sections us join sections s on s.id = us.section_id"
                + " where s._abbreviation is not null", rs -> mapping.memberYear(rs.getString(1), rs.getString(2)));
        this.classes = mapping.classes();
        noteUnmigratedFields();
    }

    private void noteUnmigratedFields() {
        try {
            long pictures = count("select count(*) from users where _pfp is not null and _pfp <> ''");
            long kasm = count("select count(*) from users where kasm_server_needed = 1");
            if (pictures + kasm > 0) {
                notes.add(String.format("Not migrated, Rollcall has no place for them: %,d profile pictures (users._pfp) and %,d"
                        + " kasm_server_needed flags.", pictures, kasm));
            }
        } catch (SQLException e) {
            // an older legacy schema without these columns: nothing to leave behind
        }
    }

    @Override
    public long count(Entity entity) throws Exception {
        return switch (entity) {
            case CLASSES -> classes.size() + count("select count(*) from sections where _abbreviation is null");
            case USERS -> count("select count(*) from users");
            case MEMBERSHIPS -> count("select count(*) from user_sections");
        };
    }

    @Override
    public void classes(Sink<ClassRow> sink) throws Exception {
        for (ClassRow row : classes) {
            sink.accept(Read.of("sections " + row.code() + " (" + row.term() + ")", row));
        }
        query("select id, _name from sections where _abbreviation is null order by id", rs -> sink.accept(
                Read.problem("sections id " + rs.getLong(1), rs.getString(2), "code: the section has no abbreviation")));
    }

    @Override
    public void users(Sink<UserRow> sink) throws Exception {
        query("select id, _uid, _name, _email, _password, _role from users order by id", rs -> {
            String origin = "users id " + rs.getLong("id");
            String uid = rs.getString("_uid");
            String role = mapping.role(uid, rs.getString("_role"));
            if (role == null) {
                sink.accept(Read.problem(origin, uid, LegacyMapping.unknownRole(rs.getString("_role"))));
                return;
            }
            sink.accept(Read.of(origin, new UserRow(uid, rs.getString("_name"), mapping.email(origin, uid, rs.getString("_email")), role,
                    rs.getString("_password"), true, false, null, null, null)));
        });
    }

    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        query("select us.user_id, us.section_id, us.year, u._uid, u._role, s._abbreviation from user_sections us"
                + " left join users u on u.id = us.user_id left join sections s on s.id = us.section_id"
                + " order by us.user_id, us.section_id, us.year", rs -> {
                    String origin = "user_sections user_id " + rs.getLong("user_id") + ", section_id " + rs.getLong("section_id");
                    String uid = rs.getString("_uid");
                    String abbreviation = rs.getString("_abbreviation");
                    if (uid == null || abbreviation == null) {
                        sink.accept(Read.problem(origin, null, uid == null ? "no user with id " + rs.getLong("user_id") + " in users"
                                : "section id " + rs.getLong("section_id") + " does not exist or has no abbreviation"));
                        return;
                    }
                    String year = rs.getString("year");
                    String userRole = mapping.role(uid, rs.getString("_role"));
                    sink.accept(Read.of(origin, new MembershipRow(mapping.classCode(abbreviation, year), uid,
                            LegacyMapping.membershipRole(userRole), null)));
                });
    }

    @Override
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(mapping.notes());
        return all;
    }

    @Override
    public List<String> problems() {
        return mapping.problems();
    }
}
