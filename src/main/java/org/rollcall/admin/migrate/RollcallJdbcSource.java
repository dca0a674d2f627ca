package org.rollcall.admin.migrate;

import java.sql.Connection;

import org.rollcall.group.GroupRow;
import org.rollcall.group.MembershipRow;
import org.rollcall.user.UserRow;

/** Another Rollcall instance's database (H2 file or MySQL), read table by table in id order. */
final class RollcallJdbcSource extends JdbcSource {

    RollcallJdbcSource(Connection connection, boolean mysql, String description) {
        super(connection, mysql, description);
    }

    @Override
    public long count(Entity entity) throws Exception {
        return count("select count(*) from " + switch (entity) {
            case GROUPS -> "app_group";
            case USERS -> "app_user";
            case MEMBERSHIPS -> "membership";
        });
    }

    @Override
    public void groups(Sink<GroupRow> sink) throws Exception {
        query("select id, code, name, term, class_period, description, created_at, updated_at from app_group order by id",
                rs -> sink.accept(Read.of("app_group id " + rs.getLong("id"), new GroupRow(rs.getString("code"), rs.getString("name"),
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

    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        query("select m.id, g.code, u.username, m.role, m.created_at from membership m join app_group g on g.id = m.group_id"
                + " join app_user u on u.id = m.user_id order by m.id",
                rs -> sink.accept(Read.of("membership id " + rs.getLong("id"), new MembershipRow(rs.getString("code"),
                        rs.getString("username"), rs.getString("role"), instant(rs, "created_at")))));
    }
}
