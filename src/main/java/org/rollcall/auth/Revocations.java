package org.rollcall.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.common.DomainException;
import org.rollcall.common.RollcallConfig;
import org.rollcall.user.UserService.AccountChanged;
import org.rollcall.user.UserService.AccountsChanged;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Ended sessions, on every instance. Ending one session (logging out) or all of an account's (its
 * session generation goes up) writes a row to session_revocation in the same transaction; each
 * instance polls the table every ROLLCALL_SESSION_REVOCATION_POLL (2 s), so another instance
 * refuses the session within that interval plus one poll. Requests never wait for the database:
 * they look up a session id in memory and the generation in the account cache.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);
    /**
     * Each poll re-reads the rows written in this many seconds before it, as time on the database:
     * a row can commit after a poll that did not see it yet (auto-increment ids are not in commit
     * order), and transactions here take milliseconds, not seconds.
     */
    private static final int LOOK_BACK_SECONDS = 30;
    /** How long a row that drops an account from the caches is kept: longer than one look-back. */
    private static final int ACCOUNT_ROW_SECONDS = 2 * LOOK_BACK_SECONDS;
    private static final long PURGE_EVERY_MILLIS = 300_000;

    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;
    @Inject
    AccountLookup lookup;
    @Inject
    AccountCache accounts;
    @Inject
    Event<AccountChanged> accountChanged;
    @Inject
    RollcallConfig config;
    @Inject
    AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    /** Ended session ids, to when their cookie expires anyway (epoch seconds). */
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;
    private volatile long lastPurge;

    boolean isEnded(String sessionId) {
        return ended.containsKey(sessionId);
    }

    /** Logging out: this session ends here at once and on the other instances at their next poll. */
    @Transactional
    void endSession(Session session) {
        long remaining = Math.max(1, session.expiresAt() - clock.instant().getEpochSecond());
        record(session.id(), null, remaining);
        ended.put(session.id(), session.expiresAt());
    }

    /** "Sign out everywhere": every session of the account ends, this one included. */
    @Transactional
    public void endAllSessions(Actor actor, String username) {
        if (lookup.byUsername(username).isEmpty()) {
            throw DomainException.notFound("No user '" + username + "'.");
        }
        // the observer below moves the generation; AccountCache drops the entry after the commit
        accountChanged.fire(new AccountChanged(username));
        audit.record(actor, AuditAction.SESSIONS_END, username, actor.username().equals(username) ? "by the user" : "by an admin");
    }

    /** Role, enabled, password or deletion changed: every session of the account ends with the change. */
    @Transactional
    void onAccountChanged(@Observes AccountChanged change) {
        lookup.nextSessionGeneration(change.username());
        record(null, change.username(), ACCOUNT_ROW_SECONDS);
    }

    /** The same for many accounts changed at once: a statement for their generations, one for their rows. */
    @Transactional
    void onAccountsChanged(@Observes AccountsChanged change) {
        if (change.usernames().isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE app_user SET session_generation = session_generation + 1 WHERE username IN (:names)")
                .setParameter("names", change.usernames()).executeUpdate();
        em.createNativeQuery("INSERT INTO session_revocation (session_id, username, created_at, expires_at)"
                + " SELECT NULL, username, LOCALTIMESTAMP(6), TIMESTAMPADD(SECOND, :seconds, LOCALTIMESTAMP(6)) FROM app_user WHERE username IN (:names)")
                .setParameter("seconds", ACCOUNT_ROW_SECONDS).setParameter("names", change.usernames()).executeUpdate();
    }

    private void record(String sessionId, String username, long seconds) {
        em.createNativeQuery("INSERT INTO session_revocation (session_id, username, created_at, expires_at)"
                + " VALUES (?1, ?2, LOCALTIMESTAMP(6), TIMESTAMPADD(SECOND, ?3, LOCALTIMESTAMP(6)))")
                .setParameter(1, sessionId).setParameter(2, username).setParameter(3, seconds).executeUpdate();
    }

    void start(@Observes StartupEvent event) {
        if (config.commandMode()) {
            return;
        }
        poll("expires_at > LOCALTIMESTAMP(6)"); // every session still ended, before the first request
        long every = Math.max(100, config.session().revocationPoll().toMillis());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "session-revocations");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollRecent, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void pollRecent() {
        try {
            poll("created_at > TIMESTAMPADD(SECOND, -" + LOOK_BACK_SECONDS + ", LOCALTIMESTAMP(6))");
            long now = clock.millis();
            ended.values().removeIf(expiresAt -> expiresAt * 1000 < now);
            if (now - lastPurge > PURGE_EVERY_MILLIS) {
                lastPurge = now;
                purge();
            }
        } catch (RuntimeException | SQLException e) {
            // the database is away: keep polling; sessions are still checked against what is known
            LOG.warnf("Could not read ended sessions: %s", e.getMessage());
        }
    }

    private void poll(String where) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT session_id, username,"
                        + " TIMESTAMPDIFF(SECOND, LOCALTIMESTAMP(6), expires_at) FROM session_revocation WHERE " + where);
                ResultSet rows = select.executeQuery()) {
            long now = clock.instant().getEpochSecond();
            while (rows.next()) {
                String sessionId = rows.getString(1);
                if (sessionId != null) {
                    ended.putIfAbsent(sessionId, now + rows.getLong(3));
                } else {
                    // dropped again on every poll of the look-back: a load racing the change is undone
                    accounts.forget(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void purge() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM session_revocation WHERE expires_at < LOCALTIMESTAMP(6)")) {
            delete.executeUpdate();
        }
    }
}
