package org.rollcall.transfer.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import org.rollcall.common.Instants;

/** A source read with plain JDBC: another Rollcall database or the legacy schema (H2, MySQL or SQLite). */
public abstract class JdbcSource implements Source {

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws Exception;
    }

    protected final Connection connection;
    private final boolean mysql;
    private final String description;

    JdbcSource(Connection connection, boolean mysql, String description) {
        this.connection = connection;
        this.mysql = mysql;
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** Runs a query and hands each row over, streaming: MySQL would otherwise load the whole result into memory. */
    protected void query(String sql, RowHandler handler) throws Exception {
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(mysql ? Integer.MIN_VALUE : 1000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    protected long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instants.stored(rs, column);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
