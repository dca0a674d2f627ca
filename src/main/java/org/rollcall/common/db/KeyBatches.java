package org.rollcall.common.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.BatchSize;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import org.rollcall.common.RollcallConfig;

/**
 * Splits the keys of a {@code where x in (...)} lookup into lists the database handles well.
 * MySQL sorts an IN list and searches it; H2 compares every row it finds with each parameter in
 * turn, so a list of n keys costs n² comparisons there (1,000 usernames: ~0.3 s instead of ~20 ms).
 * <p>
 * {@link #select} runs such a lookup over plain JDBC. Hibernate translates an HQL query with an
 * expanded list parameter anew on every execution; for the thousand keys of an import chunk the
 * translation cost more than the query itself.
 */
@ApplicationScoped
public class KeyBatches {

    static final int MYSQL = 1000;
    static final int H2 = 100;

    @Inject
    RollcallConfig config;
    private int size;

    @PostConstruct
    void chooseSize() {
        size = DatabaseSelection.Kind.H2.name().equals(config.database().kind()) ? H2 : MYSQL;
    }

    private <T> List<List<T>> split(Collection<T> keys) {
        List<T> all = keys instanceof List<T> list ? list : new ArrayList<>(keys);
        List<List<T>> batches = new ArrayList<>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return batches;
    }

    /** Reads one row of a {@link #select}. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Plain JDBC work on the connection of the current transaction (if any), after flushing what the
     * persistence context holds: the work reads what the transaction has written so far.
     */
    public static <T> T onConnection(EntityManager em, ReturningWork<T> work) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return em.unwrap(Session.class).doReturningWork(work);
    }

    /**
     * The rows of {@code sql}, which ends in {@code in}, for all the keys: one statement per batch,
     * in the current transaction (if any), after flushing what the persistence context holds.
     */
    public <T> List<T> select(EntityManager em, String sql, Collection<?> keys, RowReader<T> reader) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return onConnection(em, connection -> {
            List<T> rows = new ArrayList<>();
            for (List<?> batch : split(keys)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        sql + " (" + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        statement.setObject(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.add(reader.read(rs));
                        }
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The entities whose ids {@code idSql} (ending in {@code in}) selects for these keys, e.g.
     * {@code "select id from app_user where username in"}: looked up over JDBC, then loaded by id.
     */
    public <E> List<E> loadWhere(EntityManager em, Class<E> type, String idSql, Collection<?> keys) {
        return load(em, type, select(em, idSql, keys, rs -> rs.getLong(1)));
    }

    /**
     * The entities with these ids, in the order of the ids (those deleted meanwhile left out):
     * loaded by id in batches, not by an HQL {@code id in (...)} that Hibernate would translate anew.
     */
    public <E> List<E> load(EntityManager em, Class<E> type, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).findMultiple(type, ids, new BatchSize(size)).stream()
                .filter(Objects::nonNull).toList();
    }
}
