package org.rollcall.kasm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox table as the delivery worker and the Kasm page use it, over plain JDBC in short
 * transactions of their own (autocommit). Several instances share it safely: an instance owns an
 * event only once its guarded UPDATE (state still pending and due, or a claim run out) changed the
 * row; on InnoDB and on H2 alike the second of two racing UPDATEs sees the first's committed row
 * and changes nothing. MariaDB 10.11 and H2 2.4 both answer SELECT ... FOR UPDATE SKIP LOCKED
 * (checked), but such a lock lasts as long as its transaction, that is across the call to Kasm;
 * a claim with an expiry keeps calls out of transactions and lets another instance take over the
 * events of one that died. A user's events go out in id order: an event is due only when no
 * earlier event of the same user is still pending or being delivered.
 */
@ApplicationScoped
public class KasmQueue {

    static final String PENDING = "pending";
    static final String DELIVERING = "delivering";
    static final String DELIVERED = "delivered";
    static final String ABANDONED = "abandoned";
    /** Written to the microsecond as Hibernate does; Connector/J would drop the fraction of a temporal parameter on MariaDB. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Inject
    DataSource dataSource;

    /** An event claimed for delivery. */
    public record Event(long id, String username, KasmOutbox.Kind kind, String payload, String sealedPassword, int attempts) {
    }

    /** A failed attempt as the Kasm page lists it. */
    public record Failure(long id, String username, String kind, String state, int attempts, String error, Instant at) {
    }

    /** What the Kasm page and the metrics show. */
    public record Stats(long waiting, Instant oldestWaiting, Instant lastDelivered, long abandoned) {
    }

    /** Claims up to {@code max} due events for {@code owner} until {@code until}, in id order. */
    public List<Event> claim(String owner, Instant now, Instant until, int max) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement due = c.prepareStatement("select o.id from kasm_outbox o"
                        + " where ((o.state = 'pending' and o.next_attempt_at <= ?) or (o.state = 'delivering' and o.claimed_until < ?))"
                        + " and not exists (select 1 from kasm_outbox p where p.username = o.username and p.id < o.id"
                        + " and p.state in ('pending', 'delivering'))"
                        + " order by o.id limit " + max)) {
            due.setString(1, UTC.format(now));
            due.setString(2, UTC.format(now));
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
            List<Event> claimed = new ArrayList<>();
            try (PreparedStatement take = c.prepareStatement("update kasm_outbox set state = 'delivering', claimed_by = ?, claimed_until = ?"
                    + " where id = ? and ((state = 'pending' and next_attempt_at <= ?) or (state = 'delivering' and claimed_until < ?))");
                    PreparedStatement read = c.prepareStatement("select id, username, kind, payload, password_sealed, attempts"
                            + " from kasm_outbox where id = ?")) {
                for (long id : candidates) {
                    take.setString(1, owner);
                    take.setString(2, UTC.format(until));
                    take.setLong(3, id);
                    take.setString(4, UTC.format(now));
                    take.setString(5, UTC.format(now));
                    if (take.executeUpdate() != 1) {
                        continue;   // another instance took it first
                    }
                    read.setLong(1, id);
                    try (ResultSet rs = read.executeQuery()) {
                        if (rs.next()) {
                            claimed.add(new Event(rs.getLong(1), rs.getString(2), KasmOutbox.Kind.valueOf(rs.getString(3)), rs.getString(4),
                                    rs.getString(5), rs.getInt(6)));
                        }
                    }
                }
            }
            return claimed;
        }
    }

    /** Delivered: the password is erased with the claim. */
    public void delivered(Event event, String owner, Instant now) throws SQLException {
        update("update kasm_outbox set state = 'delivered', password_sealed = null, claimed_by = null, claimed_until = null,"
                + " delivered_at = ?, last_attempt_at = ?, attempts = attempts + 1 where id = ? and claimed_by = ?",
                UTC.format(now), UTC.format(now), event.id(), owner);
    }

    /** A failed attempt: tried again at {@code next}, or abandoned (password erased) when {@code next} is null. */
    public void failed(Event event, String owner, String error, Instant now, Instant next) throws SQLException {
        String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (next == null) {
            update("update kasm_outbox set state = 'abandoned', password_sealed = null, claimed_by = null, claimed_until = null,"
                    + " attempts = attempts + 1, last_error = ?, last_attempt_at = ? where id = ? and claimed_by = ?",
                    reason, UTC.format(now), event.id(), owner);
        } else {
            update("update kasm_outbox set state = 'pending', claimed_by = null, claimed_until = null, attempts = attempts + 1,"
                    + " last_error = ?, last_attempt_at = ?, next_attempt_at = ? where id = ? and claimed_by = ?",
                    reason, UTC.format(now), UTC.format(next), event.id(), owner);
        }
    }

    /** Gives a claimed event back untried (Kasm went away before its turn), due at {@code next}. */
    public void release(Event event, String owner, Instant next) throws SQLException {
        update("update kasm_outbox set state = 'pending', claimed_by = null, claimed_until = null, next_attempt_at = ?"
                + " where id = ? and claimed_by = ?", UTC.format(next), event.id(), owner);
    }

    /** "Retry now": every waiting event is due at once; abandoned ones wait again, from their first attempt. */
    public int retryNow(Instant now) throws SQLException {
        return update("update kasm_outbox set next_attempt_at = ? where state = 'pending'", UTC.format(now))
                + update("update kasm_outbox set state = 'pending', attempts = 0, next_attempt_at = ? where state = 'abandoned'",
                        UTC.format(now));
    }

    /** Forgets delivered events older than {@code before}. */
    public int purgeDelivered(Instant before) throws SQLException {
        return update("delete from kasm_outbox where state = 'delivered' and delivered_at < ?", UTC.format(before));
    }

    public Stats stats() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select"
                        + " (select count(*) from kasm_outbox where state in ('pending', 'delivering')),"
                        + " (select min(created_at) from kasm_outbox where state in ('pending', 'delivering')),"
                        + " (select max(delivered_at) from kasm_outbox where state = 'delivered'),"
                        + " (select count(*) from kasm_outbox where state = 'abandoned')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Stats(rs.getLong(1), instant(rs, 2), instant(rs, 3), rs.getLong(4));
        }
    }

    /** The latest failed attempts, newest first. */
    public List<Failure> failures(int max) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, username, kind, state, attempts, last_error, last_attempt_at"
                        + " from kasm_outbox where last_error is not null order by last_attempt_at desc, id desc limit " + max);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                failures.add(new Failure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), instant(rs, 7)));
            }
        }
        return failures;
    }

    /** Kasm's user_id of this username, as learnt before. */
    public Optional<String> kasmUserId(String username) throws SQLException {
        return firstString("select kasm_user_id from kasm_user where username = ?", username);
    }

    /** Whether a Rollcall user has this username now. */
    public boolean isRollcallUser(String username) throws SQLException {
        return firstString("select username from app_user where username = ?", username).isPresent();
    }

    private Optional<String> firstString(String sql, Object param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void rememberKasmUser(String username, String kasmUserId) throws SQLException {
        String now = UTC.format(Instant.now());
        if (update("update kasm_user set kasm_user_id = ?, updated_at = ? where username = ?", kasmUserId, now, username) == 0) {
            try {
                update("insert into kasm_user (username, kasm_user_id, updated_at) values (?, ?, ?)", username, kasmUserId, now);
            } catch (SQLException raced) {
                update("update kasm_user set kasm_user_id = ?, updated_at = ? where username = ?", kasmUserId, now, username);
            }
        }
    }

    /** Whether the user is, now, in a class that maps to this Kasm group (another class may map to the one they left). */
    public boolean inAClassOfGroup(String username, String groupId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from membership m join app_user u on u.id = m.user_id"
                        + " join app_group g on g.id = m.group_id where u.username = ? and g.kasm_group_id = ?")) {
            s.setString(1, username);
            s.setString(2, groupId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    public void forgetKasmUser(String username) throws SQLException {
        update("delete from kasm_user where username = ?", username);
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
