package org.rollcall.common.db;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** A row read for export together with its primary key, which the next page starts after. */
public record KeyedRow<T>(long id, T row) {

    /**
     * The first {@code size} entities of the query, read without a snapshot for dirty checking and
     * detached once mapped, so a transaction that pages through a whole table keeps none of them.
     */
    public static <E, T> List<KeyedRow<T>> readOnce(EntityManager em, PanacheQuery<E> query, int size, Function<E, KeyedRow<T>> map) {
        List<E> entities = query.withHint(HibernateHints.HINT_READ_ONLY, true).page(0, size).list();
        List<KeyedRow<T>> rows = entities.stream().map(map).toList();
        entities.forEach(em::detach);
        return rows;
    }
}
