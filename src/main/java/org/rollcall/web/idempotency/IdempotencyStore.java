package org.rollcall.web.idempotency;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * The answers to create calls made with an Idempotency-Key, in the database so every instance
 * replays them. Times are the database's own, so instances' clocks do not matter.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long an answer is replayed. */
    static final int KEEP_HOURS = 24;
    private static final long PURGE_EVERY_MILLIS = 600_000;

    record Answer(String fingerprint, int status, String contentType, String location, String body) {
    }

    /** Another request holds (or has just committed) the same caller and key. */
    static class AlreadyClaimed extends RuntimeException {
        AlreadyClaimed(Throwable cause) {
            super("Idempotency-Key already claimed", cause, false, false);
        }
    }

    @Inject
    EntityManager em;
    private volatile long lastPurge;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Answer> find(long caller, String key) {
        List<Tuple> rows = em.createNativeQuery("SELECT request_hash, status, content_type, location, body FROM idempotent_request"
                + " WHERE caller_id = ?1 AND idem_key = ?2 AND status IS NOT NULL"
                + " AND created_at > TIMESTAMPADD(HOUR, -" + KEEP_HOURS + ", LOCALTIMESTAMP(6))", Tuple.class)
                .setParameter(1, caller).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Answer(r.get(0, String.class), r.get(1, Number.class).intValue(),
                r.get(2, String.class), r.get(3, String.class), r.get(4) == null ? null : r.get(4).toString()));
    }

    /** In the caller's transaction: waits for a concurrent claim of the same key, then fails if that one committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void claim(long caller, String key, String fingerprint) {
        purgeNowAndThen();
        em.createNativeQuery("DELETE FROM idempotent_request WHERE caller_id = ?1 AND idem_key = ?2"
                + " AND created_at <= TIMESTAMPADD(HOUR, -" + KEEP_HOURS + ", LOCALTIMESTAMP(6))")
                .setParameter(1, caller).setParameter(2, key).executeUpdate();
        try {
            em.createNativeQuery("INSERT INTO idempotent_request (caller_id, idem_key, request_hash, created_at)"
                    + " VALUES (?1, ?2, ?3, LOCALTIMESTAMP(6))")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint).executeUpdate();
        } catch (PersistenceException e) {
            throw new AlreadyClaimed(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(long caller, String key, Answer answer) {
        em.createNativeQuery("UPDATE idempotent_request SET status = ?1, content_type = ?2, location = ?3, body = ?4"
                + " WHERE caller_id = ?5 AND idem_key = ?6")
                .setParameter(1, answer.status()).setParameter(2, answer.contentType()).setParameter(3, answer.location())
                .setParameter(4, answer.body()).setParameter(5, caller).setParameter(6, key).executeUpdate();
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastPurge > PURGE_EVERY_MILLIS) {
            lastPurge = now;
            em.createNativeQuery("DELETE FROM idempotent_request WHERE created_at <= TIMESTAMPADD(HOUR, -" + KEEP_HOURS
                    + ", LOCALTIMESTAMP(6))").executeUpdate();
        }
    }
}
