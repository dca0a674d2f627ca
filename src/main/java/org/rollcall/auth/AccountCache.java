package org.rollcall.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.rollcall.user.UserService.AccountChanged;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Accounts by username, kept for a few seconds (see quarkus.cache.caffeine."accounts"). A change
 * made through this instance is seen at once; one made through another instance within the expiry.
 */
@ApplicationScoped
public class AccountCache {

    private final Cache cache;
    private final AccountLookup lookup;

    public AccountCache(@CacheName("accounts") Cache cache, AccountLookup lookup) {
        this.cache = cache;
        this.lookup = lookup;
    }

    /** Must run on a worker thread: a miss reads the database. */
    public Optional<Account> find(String username) {
        return cache.<String, Optional<Account>>get(username, lookup::byUsername).await().indefinitely();
    }

    /**
     * The identity of this account, failing when it is unknown or disabled. From the cache it is
     * made at once, on the calling thread; only a miss goes to a worker thread to read the database.
     */
    public Uni<SecurityIdentity> identity(String username, AuthenticationRequestContext context) {
        Optional<Account> cached = ifCached(username);
        if (cached != null) {
            return Uni.createFrom().item(() -> identityOf(cached, username));
        }
        return context.runBlocking(() -> identityOf(find(username), username));
    }

    private static SecurityIdentity identityOf(Optional<Account> account, String username) {
        return Identities.of(account.orElseThrow(AuthenticationFailedException::new));
    }

    /** The cached entry, without waiting; null when there is none yet (or caching is switched off). */
    private Optional<Account> ifCached(String username) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            return null;
        }
        CompletableFuture<Object> entry = caffeine.getIfPresent(username);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Optional<Account> account = (Optional<Account>) entry.join();
        return account;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        cache.invalidate(change.username()).await().indefinitely();
    }

    public void clear() {
        cache.invalidateAll().await().indefinitely();
    }
}
