package org.rollcall.transfer.source;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

/** Another Rollcall instance's database (H2 file or MySQL), read table by table in id order. */
public final class RollcallJdbcSource extends JdbcSource {

    RollcallJdbcSource(Connection connection, boolean mysql, String description) {
        super(connection, mysql, description);
    }

    @Override
    public long count(Entity entity) throws Exception {
        return count("select count(*) from " + switch (entity) {
            case CLASSES -> "app_group";
            case USERS -> "app_user";
            case MEMBERSHIPS -> "membership";
        });
    }

    @Override
    public void classes(Sink<ClassRow> sink) throws Exception {
        query("select id, code, name, term, class_period, description, created_at, updated_at from app_group order by id",
                rs -> sink.accept(Read.of("app_group id " + rs.getLong("id"), new ClassRow(rs.getString("code"), rs.getString("name"),
                        rs.getString("term"), rs.getString("class_period"), rs.getString("description"), instant(rs, "created_at"),
                        instant(rs, "updated_at")))));
    }

    @Override
    public void users(Sink<UserRow> sink) throws Exception {
        query("select id, username, display_name, email, password_hash, role, enabled, must_change_password, last_login_at,"
                + " created_at, updated_at from app_user order by id",
                rs -> sink.accept(Read.of("app_user id " + rs.getLong("id"), new UserRow(rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), rs.getString("role"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), instant(rs, "last_login_at"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))));
    }

    /**
     * In primary-key order from the membership table alone, which the database streams; joined to
     * the group and user tables it would order all the memberships before handing over the first.
     * The class codes and usernames come from maps of the two (a few MB at 100k users).
     */
    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        Map<Long, String> codes = names("select id, code from app_group");
        Map<Long, String> usernames = names("select id, username from app_user");
        query("select id, group_id, user_id, role, created_at from membership order by id", rs -> {
            String origin = "membership id " + rs.getLong("id");
            String code = codes.get(rs.getLong("group_id"));
            String username = usernames.get(rs.getLong("user_id"));
            if (code == null || username == null) {   // added to the source while it was read
                sink.accept(Read.problem(origin, null, "its " + (code == null ? "class" : "user") + " was not in the source when it was read"));
            } else {
                sink.accept(Read.of(origin, new MembershipRow(code, username, rs.getString("role"), instant(rs, "created_at"))));
            }
        });
    }

    private Map<Long, String> names(String sql) throws Exception {
        Map<Long, String> names = new HashMap<>();
        query(sql, rs -> names.put(rs.getLong(1), rs.getString(2)));
        return names;
    }
}
