package org.rollcall.common.db;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * One multi-row HQL insert for many new entities. Ids are IDENTITY columns, which turn off
 * Hibernate's insert batching: one round trip per persist() would make bulk imports several
 * times slower. No entity callbacks run, so callers supply every value (timestamps included);
 * the optimistic-lock version of every new row is 0.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /**
     * @param em the entity manager of the current transaction
     * @param intoClause e.g. {@code "insert into Group (code, name, ..., version)"}, version last
     * @param rows the new rows
     * @param values the values of one row, in the order of the columns before version
     */
    public static <R> void execute(EntityManager em, String intoClause, List<R> rows, Function<R, List<Object>> values) {
        if (rows.isEmpty()) {
            return;
        }
        List<List<Object>> all = rows.stream().map(values).toList();
        int columns = all.get(0).size();
        StringBuilder hql = new StringBuilder(intoClause).append(" values ");
        for (int i = 0; i < all.size(); i++) {
            hql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= columns; c++) {
                hql.append('?').append(i * columns + c).append(", ");
            }
            hql.append("0)");
        }
        var query = em.createQuery(hql.toString());
        int p = 1;
        for (List<Object> row : all) {
            for (Object value : row) {
                query.setParameter(p++, value);
            }
        }
        query.executeUpdate();
    }
}
