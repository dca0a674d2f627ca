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
     * The account when this instance has it at hand, without waiting and on any thread; null when
     * it must be read with {@link #find}. Spares the common request a hop to a worker thread.
     */
    public Optional<Account> ifCached(String username) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            return null;   // caching switched off
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
