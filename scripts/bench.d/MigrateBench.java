import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Helper of scripts/bench-migrate (run with the packaged app's libraries on the class path):
 *   seed H2_URL USERS MEMBERSHIPS_PER_USER   fills a Rollcall H2 database (schema already made) with raw JDBC batches
 *   rawcopy H2_URL MYSQL_URL USER PASSWORD   copies the same rows into an empty Rollcall MySQL database with raw
 *                                            JDBC batches (no rules, ids kept): the floor migrate is compared with
 * Seeding is not what is measured; it only has to be quick.
 */
public class MigrateBench {

    /** A well-formed bcrypt hash: migrate takes hashes as they are and never computes one. */
    static final String HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5hrMLL5mvzRAOYpf0G9cv1r6TpQ8Kpa";
    static final int GROUP_SIZE = 100;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "rawcopy" -> rawCopy(args[1], args[2], args[3], args[4]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void seed(String url, int users, int perUser) throws Exception {
        long started = System.nanoTime();
        int groups = users * perUser / GROUP_SIZE;
        Timestamp now = Timestamp.valueOf(LocalDateTime.of(2025, 9, 1, 8, 0));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into app_group (id, code, name, term, class_period, description,"
                    + " created_at, updated_at, version) values (?, ?, ?, '2025-26', ?, null, ?, ?, 0)")) {
                for (int g = 1; g <= groups; g++) {
                    ps.setInt(1, g);
                    ps.setString(2, "C" + g);
                    ps.setString(3, "Class " + g);
                    ps.setString(4, String.valueOf(g % 8 + 1));
                    ps.setTimestamp(5, now);
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (id, username, display_name, email, password_hash,"
                    + " role, enabled, must_change_password, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, true, false, ?, ?, 0)")) {
                for (int u = 1; u <= users; u++) {
                    ps.setInt(1, u);
                    ps.setString(2, "user" + u);
                    ps.setString(3, "Student Nummer " + u + " Ünïcödé");
                    ps.setString(4, "user" + u + "@example.org");
                    ps.setString(5, HASH);
                    ps.setString(6, u % 50 == 0 ? "teacher" : "student");
                    ps.setTimestamp(7, now);
                    ps.setTimestamp(8, now);
                    ps.addBatch();
                    if (u % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into membership (group_id, user_id, role, created_at) values (?, ?, ?, ?)")) {
                int n = 0;
                for (int u = 1; u <= users; u++) {
                    for (int k = 0; k < perUser; k++) {
                        ps.setInt(1, (u * 7 + k * (groups / perUser)) % groups + 1);
                        ps.setInt(2, u);
                        ps.setString(3, u % 50 == 0 ? "teacher" : "student");
                        ps.setTimestamp(4, now);
                        ps.addBatch();
                        if (++n % 5000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("alter table app_user alter column id restart with " + (users + 1));
                s.execute("alter table app_group alter column id restart with " + (groups + 1));
            }
        }
        System.out.printf("Seeded %,d users, %,d classes and %,d memberships in %.1f s%n", users, groups, users * perUser,
                (System.nanoTime() - started) / 1e9);
    }

    static void rawCopy(String h2, String mysql, String user, String password) throws Exception {
        try (Connection from = DriverManager.getConnection(h2, "sa", "");
                Connection to = DriverManager.getConnection(mysql, user, password)) {
            to.setAutoCommit(false);
            long started = System.nanoTime();
            copy(from, to, "app_group", "id, code, name, term, class_period, description, created_at, updated_at, version", 9);
            long users = copy(from, to, "app_user", "id, username, display_name, email, password_hash, role, enabled,"
                    + " must_change_password, last_login_at, created_at, updated_at, version", 12);
            long memberships = copy(from, to, "membership", "id, group_id, user_id, role, created_at", 5);
            to.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Raw JDBC batch copy: %,d users and %,d memberships in %.1f s = %,.0f users/s (%,.0f rows/s)%n",
                    users, memberships, seconds, users / seconds, (users + memberships) / seconds);
        }
    }

    static long copy(Connection from, Connection to, String table, String columns, int count) throws Exception {
        String marks = "?" + ", ?".repeat(count - 1);
        long rows = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("select " + columns + " from " + table + " order by id");
                PreparedStatement ps = to.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= count; i++) {
                    ps.setObject(i, rs.getObject(i));
                }
                ps.addBatch();
                if (++rows % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return rows;
    }
}
