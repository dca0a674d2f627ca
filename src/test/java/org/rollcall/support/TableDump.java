package org.rollcall.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table (but Flyway's), ordered by the first column, with values normalised
 * so two engines holding the same data give equal dumps: the "export" tests compare.
 */
public final class TableDump {

    private TableDump() {
    }

    /** Table name to its rows; each row is its column values as text. */
    public static Map<String, List<List<String>>> of(Connection c) throws SQLException {
        Map<String, List<List<String>>> dump = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        boolean mysql = c.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), mysql ? null : c.getSchema(), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME").toLowerCase();
                if ((type.equals("TABLE") || type.equals("BASE TABLE")) && !name.equals("flyway_schema_history")) {
                    tables.add(name);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        String[] row = new String[meta.getColumnCount()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = text(rs.getObject(i + 1));
                        }
                        if (!(table.equals("app_setting") && "session-key".equals(row[0]))) {
                            rows.add(Arrays.asList(row));
                        }
                    }
                }
                dump.put(table, rows);
            }
        }
        return dump;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        return value.toString();
    }
}
