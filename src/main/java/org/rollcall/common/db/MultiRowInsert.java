package org.rollcall.common.db;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Many new rows in one JDBC batch over the transaction's connection; Connector/J sends a MySQL
 * batch as multi-row inserts (rewriteBatchedStatements, see DatabaseSelection). Ids are IDENTITY
 * columns, which turn off Hibernate's insert batching, and Hibernate translates a multi-row HQL
 * insert afresh for every statement: either would make bulk imports several times slower. No
 * entity callbacks run, so callers supply every value (timestamps and version included).
 */
public final class MultiRowInsert {

    /**
     * Instants go in as UTC text, as Hibernate stores them (quarkus.hibernate-orm.jdbc.timezone=UTC):
     * Connector/J would drop the fractional seconds of a temporal parameter on MariaDB.
     */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private MultiRowInsert() {
    }

    /**
     * @param em the entity manager of the current transaction; its pending changes are flushed first
     * @param table the table, e.g. {@code "app_user"}
     * @param columns its columns, in the order of each row's values
     * @param rows the new rows
     * @param values the values of one row: strings, numbers, booleans, instants or null
     */
    public static <R> void execute(EntityManager em, String table, List<String> columns, List<R> rows,
            Function<R, List<Object>> values) {
        em.flush();   // pending changes first, so the database refuses what it refuses inside this chunk
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        DataChanges.writing();   // Hibernate does not see this statement
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (R row : rows) {
                    int p = 1;
                    List<Object> rowValues = values.apply(row);
                    if (rowValues.size() != columns.size()) {
                        throw new IllegalArgumentException(rowValues.size() + " values for " + columns.size() + " columns");
                    }
                    for (Object value : rowValues) {
                        if (value == null) {
                            insert.setNull(p++, Types.NULL);
                        } else if (value instanceof Instant instant) {
                            insert.setString(p++, UTC.format(instant));
                        } else {
                            insert.setObject(p++, value);
                        }
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
