package org.rollcall.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Creates the least-privilege MySQL account the web app can run with: data rights (SELECT,
 * INSERT, UPDATE, DELETE) on Rollcall's database and nothing else, so a compromised app cannot
 * drop tables or read other databases. Runs with the master account init was started with.
 */
@ApplicationScoped
public class AppDatabaseUser {

    static final String NAME_PATTERN = "[A-Za-z0-9_]{1,32}";
    static final String HOST_PATTERN = "[A-Za-z0-9._%:-]{1,255}";

    @Inject
    AgroalDataSource dataSource;

    /** Creates the account and returns the database it may use. */
    public String create(String name, String host, String password) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String database = c.getCatalog();
            // Client-side prepared statements quote the values; MySQL does not take parameters here otherwise.
            try (PreparedStatement create = c.prepareStatement("CREATE USER ?@? IDENTIFIED BY ?")) {
                create.setString(1, name);
                create.setString(2, host);
                create.setString(3, password);
                create.execute();
            } catch (SQLException e) {
                if (e.getErrorCode() == 1396) {
                    throw new SQLException("The database user '" + name + "'@'" + host + "' exists already. Choose another name,"
                            + " or drop it first (DROP USER '" + name + "'@'" + host + "') to create it anew.", e);
                }
                throw e;
            }
            try (PreparedStatement grant = c.prepareStatement("GRANT SELECT, INSERT, UPDATE, DELETE ON `"
                    + grantPattern(c, database) + "`.* TO ?@?")) {
                grant.setString(1, name);
                grant.setString(2, host);
                grant.execute();
            }
            return database;
        }
    }

    /**
     * In a GRANT, '_' in a database name is a wildcard (unless MySQL's partial_revokes is on):
     * escaped, the grant covers this database only.
     */
    private static String grantPattern(Connection c, String database) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL.partial_revokes")) {
            if (rs.next() && rs.getBoolean(1)) {
                return database;
            }
        } catch (SQLException e) {
            // MariaDB has no partial_revokes: wildcards apply
        }
        return database.replace("_", "\\_");
    }
}
