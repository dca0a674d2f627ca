package org.rollcall.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of the connected database as a backup sees them, found through JDBC metadata so a
 * table added by a later migration is backed up without changing this code. Each column has an
 * engine-neutral kind its values travel as ({@link JsonValues}), which is what makes a backup from
 * H2 restorable into MySQL.
 */
final class DbTables {

    /** Flyway's own bookkeeping is recreated by the migrations, never restored. */
    static final String FLYWAY_TABLE = "flyway_schema_history";
    /** Instance-local settings: kept across a restore, and not a sign that the database holds data. */
    static final String SETTINGS_TABLE = "app_setting";
    /**
     * Settings that belong to the instance, not to the data. The session key is never backed up:
     * a restored instance keeps (or generates) its own, so sessions issued by the old instance do
     * not silently open the new one. Set ROLLCALL_SESSION_KEY to the old value to keep them.
     */
    static final Set<String> INSTANCE_SETTINGS = Set.of("session-key");

    enum Kind { INTEGER, BOOLEAN, DECIMAL, FLOAT, STRING, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, BINARY }

    record Column(String name, Kind kind, int jdbcType) {
    }

    record Table(String name, List<Column> columns, List<String> key) {

        boolean hasKey() {
            return !key.isEmpty();
        }

        int[] keyIndexes() {
            List<String> names = columns.stream().map(Column::name).toList();
            return key.stream().mapToInt(names::indexOf).toArray();
        }

        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    private final List<Table> tables;
    private final String quote;
    private final boolean mysql;

    private DbTables(List<Table> tables, String quote, boolean mysql) {
        this.tables = tables;
        this.quote = quote;
        this.mysql = mysql;
    }

    static DbTables of(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean mysql = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*");
        String catalog = c.getCatalog();
        String schema = mysql ? null : c.getSchema();
        Map<String, Table> byName = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !FLYWAY_TABLE.equalsIgnoreCase(name)) {
                    byName.put(name, null);
                }
            }
        }
        for (String name : List.copyOf(byName.keySet())) {
            List<Column> columns = new ArrayList<>();
            String pattern = name.replace(meta.getSearchStringEscape(), meta.getSearchStringEscape() + meta.getSearchStringEscape())
                    .replace("_", meta.getSearchStringEscape() + "_").replace("%", meta.getSearchStringEscape() + "%");
            try (ResultSet rs = meta.getColumns(catalog, schema, pattern, "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    columns.add(new Column(rs.getString("COLUMN_NAME"), kindOf(type, rs.getInt("COLUMN_SIZE")), type));
                }
            }
            Map<Integer, String> key = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(name)) {
                        refs.add(parent);
                    }
                }
            }
            byName.put(name, new Table(name, List.copyOf(columns), List.copyOf(key.values())));
            parents.put(name, refs);
        }
        return new DbTables(parentsFirst(byName, parents), meta.getIdentifierQuoteString().trim(), mysql);
    }

    /** Tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<Table> parentsFirst(Map<String, Table> byName, Map<String, Set<String>> parents) {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < byName.size()) {
            boolean progress = false;
            for (String name : byName.keySet()) {
                if (!placed.contains(name) && parents.get(name).stream().allMatch(p -> placed.contains(p) || !byName.containsKey(p))) {
                    placed.add(name);
                    ordered.add(byName.get(name));
                    progress = true;
                }
            }
            if (!progress) { // a cycle of foreign keys: keep the rest in name order
                byName.keySet().stream().filter(n -> !placed.contains(n)).forEach(n -> {
                    placed.add(n);
                    ordered.add(byName.get(n));
                });
            }
        }
        return List.copyOf(ordered);
    }

    private static Kind kindOf(int type, int size) {
        return switch (type) {
            case Types.BIT -> size > 1 ? Kind.INTEGER : Kind.BOOLEAN;
            case Types.BOOLEAN -> Kind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.FLOAT;
            case Types.DATE -> Kind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> Kind.TIME;
            case Types.TIMESTAMP -> Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            default -> Kind.STRING;
        };
    }

    List<Table> tables() {
        return tables;
    }

    Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    boolean isMysql() {
        return mysql;
    }

    String quoted(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    String selectAll(Table t) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", t.columns().stream().map(c -> quoted(c.name())).toList()));
        sql.append(" FROM ").append(quoted(t.name()));
        List<String> order = t.hasKey() ? t.key() : t.columns().stream().map(Column::name).toList();
        sql.append(" ORDER BY ").append(String.join(", ", order.stream().map(this::quoted).toList()));
        return sql.toString();
    }

    String insert(Table t, List<String> columns) {
        return "INSERT INTO " + quoted(t.name()) + " (" + String.join(", ", columns.stream().map(this::quoted).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /** Rows per table, for the tables that hold data (everything but instance settings). */
    Map<String, Long> dataCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Table t : tables) {
                if (!t.name().equalsIgnoreCase(SETTINGS_TABLE)) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted(t.name()))) {
                        rs.next();
                        counts.put(t.name(), rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** The latest applied Flyway version, or null when Flyway has never run here. */
    static String schemaVersion(Connection c) throws SQLException {
        boolean exists;
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
            exists = false;
            while (rs.next()) {
                exists |= FLYWAY_TABLE.equalsIgnoreCase(rs.getString("TABLE_NAME"));
            }
        }
        if (!exists) {
            return null;
        }
        String best = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM " + FLYWAY_TABLE + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version != null && rs.getBoolean(2) && (best == null || compareVersions(version, best) > 0)) {
                    best = version;
                }
            }
        }
        return best;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
