package org.rollcall.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.rollcall.access.TeacherScope;
import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.db.KeyBatches;

import io.quarkus.panache.common.Sort;

/**
 * The users list's search: a text term, filters, the teacher's visibility and a sort, answered a
 * page at a time from the indexes (see {@link #search}).
 */
@ApplicationScoped
public class UserSearch {

    @Inject
    EntityManager em;
    @Inject
    KeyBatches batches;

    /** Above this many prefix matches, an ordered scan fills a page sooner than collecting them all. */
    static final int MAX_COLLECTED_MATCHES = 5000;

    /** Pages ending within this many users of the top are taken from the top of each searched column. */
    static final int TOP_OF_EACH_LIMIT = 200;

    private static final List<String> SEARCHED = List.of("username", "display_name", "email");

    /**
     * The users matching on each column but none before it: their counts add up to the number of
     * users matching on any, each counted once. Username and display name are never null, so
     * "not like" is true exactly when the column does not match.
     */
    private static final List<String> FIRST_MATCHED_ON = List.of(
            "u.username like ? escape '!'",
            "u.display_name like ? escape '!' and u.username not like ? escape '!'",
            "u.email like ? escape '!' and u.username not like ? escape '!' and u.display_name not like ? escape '!'");

    /**
     * One page of users. The text search is a prefix match on username, display name or email.
     * Each of the three is an index range scan on its own; an OR of them is not (H2 and MySQL
     * both scan the table for it). So the total is three counts, each a range scan of one column's
     * index, and a page near the top is the best of the first few users matching on each column,
     * which spares collecting and ordering every match. A deeper page is taken from all the
     * matched ids, or, for a very common prefix (more than {@link #MAX_COLLECTED_MATCHES} users),
     * from the OR: when matches are that dense, the scan in sort order finds a page quickly.
     * <p>
     * The ids are found with plain JDBC: a list of a thousand matched ids is one statement to the
     * database, but a thousand bound parameters to expand for Hibernate. Ids we read ourselves are
     * written into the SQL as numbers: H2 checks a list of constants with a hash set, a list of
     * parameters one by one for every row (a thousand squared).
     */
    public Page<User> search(UserQuery query, Actor actor, PageRequest page) {
        Page<Long> found = em.unwrap(Session.class).doReturningWork(connection -> {
            Filter filter = Filter.of(query, actor);
            String order = orderBy(query.sort());
            if (query.q() == null) {
                return pageOf(connection, " where 1 = 1" + filter.sql, filter.params, order, page, -1);
            }
            String prefix = likePrefix(query.q());
            long total = 0;
            for (int i = 0; i < FIRST_MATCHED_ON.size(); i++) {   // condition i has i + 1 prefixes
                total += ids(connection, "select count(*) from app_user u where " + FIRST_MATCHED_ON.get(i) + filter.sql,
                        join(Collections.nCopies(i + 1, prefix), filter.params)).get(0);
            }
            if (total == 0 || page.offset() >= total) {
                return new Page<Long>(List.of(), total, page.page(), page.size());
            }
            int top = page.offset() + page.size();
            if (top <= TOP_OF_EACH_LIMIT) {
                // the page is among the first `top` users matching on one of the columns
                Set<Long> candidates = new LinkedHashSet<>();
                for (String column : SEARCHED) {
                    candidates.addAll(ids(connection, matchingOn(column, filter) + order + " limit ?",
                            join(List.of(prefix), filter.params, List.of(top))));
                }
                List<Long> ids = candidates.isEmpty() ? List.of()   // the matches were changed since they were counted
                        : ids(connection, "select u.id from app_user u where u.id in (" + numbers(candidates) + ")" + order
                                + " limit ? offset ?", List.of(page.size(), page.offset()));
                return new Page<>(ids, total, page.page(), page.size());
            }
            if (total > MAX_COLLECTED_MATCHES) {
                return pageOf(connection, " where (u.username like ? escape '!' or u.display_name like ? escape '!'"
                        + " or u.email like ? escape '!')" + filter.sql, join(List.of(prefix, prefix, prefix), filter.params), order, page, total);
            }
            // the filtered matches: no more than the total, which is at most MAX_COLLECTED_MATCHES
            String matching = SEARCHED.stream().map(column -> matchingOn(column, filter)).collect(Collectors.joining(" union "));
            List<Object> params = new ArrayList<>();
            SEARCHED.forEach(column -> params.addAll(join(List.of(prefix), filter.params)));
            List<Long> matched = ids(connection, matching, params);
            if (matched.isEmpty()) {   // the matches were changed since they were counted
                return new Page<Long>(List.of(), total, page.page(), page.size());
            }
            return pageOf(connection, " where u.id in (" + numbers(matched) + ")", List.of(), order, page, total);
        });
        return new Page<>(batches.load(em, User.class, found.items()), found.total(), found.page(), found.size());
    }

    /** The ids of the users whose {@code column} starts with the prefix (the one parameter before the filter's). */
    private static String matchingOn(String column, Filter filter) {
        return "select u.id from app_user u where u." + column + " like ? escape '!'" + filter.sql;
    }

    /** The conditions besides the text search, as SQL ({@code " and ..."}, empty for none) and its parameters. */
    private record Filter(String sql, List<Object> params) {

        static Filter of(UserQuery query, Actor actor) {
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (query.role() != null) {
                sql.append(" and u.role = ?");
                params.add(query.role().id());
            }
            if (query.group() != null) {
                sql.append(" and u.id in (select gm.user_id from membership gm join app_group g on g.id = gm.group_id where g.code = ?)");
                params.add(query.group());
            }
            if (query.enabled() != null) {
                sql.append(" and u.enabled = ?");
                params.add(query.enabled());
            }
            if (!actor.isAdmin()) {
                sql.append(" and ").append(TeacherScope.visibleUserSql("u"));
                params.add(actor.id());
            }
            return new Filter(sql.toString(), params);
        }
    }

    /** One page of the users {@code where} selects; {@code knownTotal} is their number when known, else -1. */
    private static Page<Long> pageOf(Connection connection, String where, List<Object> params, String order, PageRequest page,
            long knownTotal) throws SQLException {
        List<Long> ids = ids(connection, "select u.id from app_user u" + where + order + " limit ? offset ?",
                join(params, List.of(page.size(), page.offset())));
        return new Page<>(ids, total(connection, ids, page, knownTotal, where, params), page.page(), page.size());
    }

    /** The total, counted only when the page cannot tell it. */
    private static long total(Connection connection, List<Long> ids, PageRequest page, long knownTotal, String where,
            List<Object> params) throws SQLException {
        if (ids.size() < page.size() && (page.page() == 0 || !ids.isEmpty())) {
            return (long) page.offset() + ids.size();
        }
        if (knownTotal >= 0) {
            return knownTotal;
        }
        return ids(connection, "select count(*) from app_user u" + where, params).get(0);
    }

    private static String numbers(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @SafeVarargs
    private static List<Object> join(List<? extends Object>... lists) {
        List<Object> all = new ArrayList<>();
        for (List<? extends Object> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** The first column of each row, as longs. */
    private static List<Long> ids(Connection connection, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static final Map<String, String> COLUMNS = Map.of("username", "u.username", "displayName", "u.display_name",
            "email", "u.email", "roleName", "u.role", "createdAt", "u.created_at", "lastLoginAt", "u.last_login_at");

    private static String orderBy(Sort sort) {
        StringBuilder sql = new StringBuilder(" order by ");
        for (Sort.Column column : sort.getColumns()) {
            String name = COLUMNS.get(column.getName());
            if (name == null) {
                throw new IllegalArgumentException("not sortable: " + column.getName());
            }
            sql.append(sql.length() > 10 ? ", " : "").append(name)
                    .append(column.getDirection() == Sort.Direction.Descending ? " desc" : " asc");
        }
        return sql.append(", u.id").toString();   // equal names still come in one order, page after page
    }

    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Sort defaultSort() {
        return Sort.by("username");
    }
}
