package org.rollcall.common;

import java.util.concurrent.CompletableFuture;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

/** Reading and filling a Quarkus cache without waiting: what callers on the event loop, or with their own rules for an entry, need. */
public final class Caches {

    private Caches() {
    }

    /** The value held for this key, or null when there is none yet, it is still being loaded or caching is switched off. */
    public static Object present(Cache cache, Object key) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            return null;
        }
        CompletableFuture<Object> entry = caffeine.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return null;
        }
        return entry.join();
    }

    /** Holds this value for the key in place of what was there; nothing when caching is switched off. */
    public static void put(Cache cache, Object key, Object value) {
        if (cache instanceof CaffeineCache caffeine) {
            caffeine.put(key, CompletableFuture.completedFuture(value));
        }
    }
}
