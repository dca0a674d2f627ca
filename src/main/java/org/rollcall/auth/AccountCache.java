package org.rollcall.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.rollcall.common.Caches;
import org.rollcall.user.UserService.AccountChanged;
import org.rollcall.user.UserService.AccountsChanged;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Accounts by username, kept for a few seconds (see quarkus.cache.caffeine."accounts"). A change
 * made through this instance is seen at once; one made through another instance as soon as
 * {@link Revocations} polls it, and at the latest within the expiry. Sessions are checked against
 * the account's id and session generation held here, so a request costs no query.
 */
@ApplicationScoped
public class AccountCache {

    @Inject
    @CacheName("accounts")
    Cache cache;
    @Inject
    AccountLookup lookup;

    /** Must run on a worker thread: a miss reads the database. */
    public Optional<Account> find(String username) {
        return cache.<String, Optional<Account>>get(username, lookup::byUsername).await().indefinitely();
    }

    /**
     * The identity of this account, failing when it is unknown or disabled. From the cache it is
     * made at once, on the calling thread; only a miss goes to a worker thread to read the database.
     */
    public Uni<SecurityIdentity> identity(String username, AuthenticationRequestContext context) {
        return identity(username, null, context);
    }

    /**
     * The identity of a browser session: as {@link #identity(String, AuthenticationRequestContext)},
     * and failing too when the account is not the one the session was issued for (deleted, even if
     * the username was taken again) or its sessions were ended since.
     */
    Uni<SecurityIdentity> identity(Session session, AuthenticationRequestContext context) {
        return identity(session.username(), session, context);
    }

    private Uni<SecurityIdentity> identity(String username, Session session, AuthenticationRequestContext context) {
        Optional<Account> cached = ifCached(username);
        if (cached != null) {
            return Uni.createFrom().item(() -> identityOf(cached, session));
        }
        return context.runBlocking(() -> identityOf(find(username), session));
    }

    private static SecurityIdentity identityOf(Optional<Account> found, Session session) {
        Account account = found.filter(a -> session == null || session.belongsTo(a)).orElseThrow(AuthenticationFailedException::new);
        return account.identity(session);
    }

    /** The cached entry, without waiting; null when there is none yet (or caching is switched off). */
    private Optional<Account> ifCached(String username) {
        @SuppressWarnings("unchecked")
        Optional<Account> account = (Optional<Account>) Caches.present(cache, username);
        return account;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        forget(change.username());
    }

    void onChanges(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountsChanged change) {
        change.usernames().forEach(this::forget);
    }

    /** Holds an account just read from the database, in place of what was cached. */
    void remember(Account account) {
        Caches.put(cache, account.username(), Optional.of(account));
    }

    /** Read from the database now (and cached again); must run on a worker thread. */
    Optional<Account> fresh(String username) {
        forget(username);
        return find(username);
    }

    /** The next request of this account reads it from the database. */
    void forget(String username) {
        cache.invalidate(username).await().indefinitely();
    }

    public void clear() {
        cache.invalidateAll().await().indefinitely();
    }
}
