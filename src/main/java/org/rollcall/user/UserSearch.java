package org.rollcall.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * Above this many matching words, the users are paged by a scan in sort order and not counted
     * (tests lower it to cover the scan).
     */
    static int maxCollectedMatches = 2500;

    /**
     * The page of a collected term comes from a walk of the usernames in order when that reads at
     * most this many usernames for each match it would otherwise read and sort (tests raise it to
     * walk whenever {@link #walkIsCheaper} allows a walk at all). A username read in order costs a
     * few times less than a user found by its id and sorted: at 100,000 users, a full name (1,000
     * matches, 2,000 usernames walked) took 2.5 ms of CPU a search on H2 against 8.5 ms collected,
     * and 4.5 ms of the app's and MariaDB's against 9-11 ms (docs/benchmarks.md).
     */
    static long walkReadsPerMatch = 4;

    /** How many usernames one statement of the walk reads at most. */
    private static final int WALK_CHUNK = 5000;

    /**
     * The scan's check of a user against the term ({@code like}): a scalar subquery, not EXISTS,
     * which MySQL/MariaDB turn into a semi-join that first collects every matching word (all
     * 100,000 users for a shared email domain).
     */
    private static final String HAS_WORD =
            "(select 1 from user_search_word w where w.user_id = u.id and w.word like ? escape '!' limit 1) is not null";

    /** How long the number of users, which only chooses between the two, is taken as still right. */
    private static final long USERS_COUNTED_FOR_NANOS = 60_000_000_000L;

    private volatile long users = -1;
    private volatile long usersCountedAt;

    /**
     * One page of users. The text search matches the start of any word of username, display name
     * or email ({@link SearchWords}), case and accents aside, as a range scan of the words' primary
     * key. When up to {@link #maxCollectedMatches} words match, their users are collected, counted
     * and ordered. More matches are dense enough for a scan of the users in sort order, checking
     * each against its own words, to fill a page quickly; counting them all would not be quick (a
     * term every user's email holds matches all of them), so such a page says whether another
     * follows instead of how many there are in all. Collected matches that are dense among all
     * users (a surname shared by a tenth of a school, a full name at 100,000 users) are counted from
     * the collection and, listed by username, paged by walking the usernames in order with the
     * collection as the check ({@link #walkIsCheaper}): reading two thousand usernames in order is
     * cheaper than reading a thousand scattered users to sort them.
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
            String term = query.q() == null ? null : SearchWords.term(query.q());
            if (term == null) {
                return pageOf(connection, " where 1 = 1" + filter.sql, filter.params, order, page, -1);
            }
            String like = likePrefix(term);
            // the users of the first words matched, one more than collected: as many rows as that means a dense term
            List<Long> words = ids(connection, "select w.user_id from user_search_word w where w.word like ? escape '!' limit ?",
                    List.of(like, maxCollectedMatches + 1));
            if (words.size() > maxCollectedMatches) {
                return scanned(connection, " where " + HAS_WORD + filter.sql, join(List.of(like), filter.params), order, page);
            }
            Set<Long> matched = new LinkedHashSet<>(words);
            if (matched.isEmpty()) {
                return new Page<Long>(List.of(), 0, page.page(), page.size());
            }
            if (filter.sql.isEmpty() && walkIsCheaper(connection, like, matched.size(), query.sort(), page)) {
                List<Long> walked = walked(connection, matched, page);
                if (walked != null) {
                    return new Page<>(walked, matched.size(), page.page(), page.size());
                }
            }
            return pageOf(connection, " where u.id in (" + numbers(matched) + ")" + filter.sql, filter.params, order, page,
                    filter.sql.isEmpty() ? matched.size() : -1);
        });
        return new Page<>(batches.load(em, User.class, found.items()), found.total(), found.page(), found.size(), found.totalExact());
    }

    /** One page of the users {@code where} selects, one more read to tell whether another page follows; not counted. */
    private static Page<Long> scanned(Connection connection, String where, List<Object> params, String order, PageRequest page)
            throws SQLException {
        List<Long> ids = ids(connection, "select u.id from app_user u" + where + order + " limit ? offset ?",
                join(params, List.of(page.size() + 1, page.offset())));
        boolean more = ids.size() > page.size();
        List<Long> items = more ? ids.subList(0, page.size()) : ids;
        return new Page<>(items, (long) page.offset() + items.size() + (more ? 1 : 0), page.page(), page.size(), false);
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

    /**
     * Whether a page of {@code matches} collected users, unfiltered and by username, is read more
     * cheaply by {@link #walked walking the usernames in order}. The walk meets one match in every
     * users / matches where the matches are spread through the usernames, not where most of them
     * are usernames starting with the term (a cohort's prefix, the first names of "ada.lovelace"),
     * which stand together in that order, perhaps at its end: those stay collected. Filters (a
     * class, a role, a teacher's students) can leave a walk few matches to meet, so a filtered
     * search is never walked.
     */
    private boolean walkIsCheaper(Connection connection, String like, int matches, Sort sort, PageRequest page)
            throws SQLException {
        Sort.Column first = sort.getColumns().get(0);
        if (sort.getColumns().size() != 1 || !first.getName().equals("username") || first.getDirection() != Sort.Direction.Ascending
                || expectedWalk(connection, matches, page) > walkReadsPerMatch * matches) {
            return false;
        }
        long together = ids(connection, "select count(*) from app_user u where u.username like ? escape '!'", List.of(like)).get(0);
        return together * 2 <= matches;
    }

    /** How many usernames a walk is expected to read to fill the page: one match in every users / matches. */
    private long expectedWalk(Connection connection, int matches, PageRequest page) throws SQLException {
        return (page.offset() + page.size()) * users(connection) / matches + 1;
    }

    /**
     * The page of the {@code matched} users in username order, read by walking the username index
     * from its start, a chunk of usernames a statement, and keeping the ids that matched: one
     * index range read a chunk, where the collected ids would each be looked up and then sorted.
     * Done here, not by the database: told to walk that index with an {@code in} list as the check,
     * H2 reads the whole index whatever the limit. Null when the matches turn out not to be spread
     * (four times the expected usernames read without filling the page): the caller then sorts
     * the collected ids after all, having spent at most that.
     */
    private List<Long> walked(Connection connection, Set<Long> matched, PageRequest page) throws SQLException {
        long expected = expectedWalk(connection, matched.size(), page);
        int wanted = page.offset() + page.size();
        int chunk = (int) Math.min(WALK_CHUNK, expected + expected / 4 + 10);
        List<Long> hits = new ArrayList<>();
        List<Long> ids = ids(connection, "select u.id from app_user u order by u.username limit ?", List.of(chunk));
        long read = 0;
        while (true) {
            for (Long id : ids) {
                if (matched.contains(id)) {
                    hits.add(id);
                    if (hits.size() == wanted) {
                        return hits.subList(page.offset(), wanted);
                    }
                }
            }
            read += ids.size();
            if (ids.size() < chunk) {
                return hits.size() > page.offset() ? hits.subList(page.offset(), hits.size()) : List.of();
            }
            if (read >= 4 * expected) {
                return null;
            }
            // ids only: the usernames would be read just to carry on from the last one, and most walks need one chunk
            chunk = WALK_CHUNK;
            ids = ids(connection, "select u.id from app_user u where u.username > (select l.username from app_user l where l.id = ?)"
                    + " order by u.username limit ?", List.of(ids.get(ids.size() - 1), chunk));
        }
    }

    /** The number of users, counted again at most once a minute. */
    private long users(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (users < 0 || now - usersCountedAt > USERS_COUNTED_FOR_NANOS) {
            users = ids(connection, "select count(*) from app_user", List.of()).get(0);
            usersCountedAt = now;
        }
        return users;
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
        // Equal names still come in one order, page after page: the username, unique, breaks ties. Not
        // the id: "order by username, id" or "display_name, id" is not the order of an index on MySQL
        // (username; display_name, username), which then sorts every matching user to give twenty.
        if (sort.getColumns().stream().noneMatch(column -> column.getName().equals("username"))) {
            sql.append(", u.username");
        }
        return sql.toString();
    }

    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Sort defaultSort() {
        return Sort.by("username");
    }
}
