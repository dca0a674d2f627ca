package org.rollcall.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The audit log of the packaged app's H2 database in a data directory, read after its command has ended. */
public final class AuditRows {

    private AuditRows() {
    }

    /** "actor | target | details" of every event with this action, oldest first. */
    public static List<String> of(Path dataDir, String action) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rollcall")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement("select actor, target, details from audit_event where action = ? order by id")) {
            s.setString(1, action);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
