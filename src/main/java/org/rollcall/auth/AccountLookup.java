package org.rollcall.auth;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.rollcall.user.Role;

/**
 * Reads what logging in needs. The session generation is a column the User entity does not map:
 * the entity's optimistic-lock version must not move when sessions are ended, or a client holding
 * the version it was just given would get 409 on its next edit.
 */
@ApplicationScoped
public class AccountLookup {

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Account> byUsername(String username) {
        return row(username, "").map(AccountLookup::account);
    }

    /** An account with its stored password hash ({@code ""} for none): what a password check needs, in one read. */
    public record Credentials(Account account, String passwordHash) {
    }

    /** The account and its password hash, read from the database now. */
    @Transactional
    public Optional<Credentials> credentials(String username) {
        return row(username, ", password_hash").map(r -> new Credentials(account(r), r.get(6) == null ? "" : r.get(6, String.class)));
    }

    private Optional<Tuple> row(String username, String moreColumns) {
        List<Tuple> rows = em.createNativeQuery("SELECT id, username, role, enabled, must_change_password, session_generation"
                + moreColumns + " FROM app_user WHERE username = ?1", Tuple.class).setParameter(1, username).getResultList();
        return rows.stream().findFirst();
    }

    private static Account account(Tuple r) {
        return new Account(r.get(0, Number.class).longValue(), r.get(1, String.class), Role.parse(r.get(2, String.class)),
                truth(r.get(3)), truth(r.get(4)), r.get(5, Number.class).intValue());
    }

    /** Ends every session of the account, in the caller's transaction; false when there is no such account. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean nextSessionGeneration(String username) {
        return em.createNativeQuery("UPDATE app_user SET session_generation = session_generation + 1 WHERE username = ?1")
                .setParameter(1, username).executeUpdate() > 0;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
