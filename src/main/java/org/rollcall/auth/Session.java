package org.rollcall.auth;

/**
 * One browser login, as its encrypted cookie carries it: a random id (what logging out revokes),
 * the account's immutable id (a deleted and recreated username is another account), the account's
 * session generation when it was issued, and when it expires (epoch seconds).
 */
record Session(String id, long accountId, String username, int generation, long expiresAt) {

    static final String ATTRIBUTE = "rollcall.session";

    /** Still the account it was issued for, and not ended by an account-wide sign-out since. */
    boolean belongsTo(Account account) {
        return account.id() == accountId && account.sessionGeneration() == generation && account.username().equals(username);
    }
}
