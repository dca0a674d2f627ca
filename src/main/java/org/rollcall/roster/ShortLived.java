package org.rollcall.roster;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rollcall.auth.Actor;

/**
 * Values kept in this instance's memory for a short while for the one account that made them
 * (an upload between its preview and its apply, one-time passwords until the cards are printed),
 * under an id nobody can guess. Another account asking for the id finds nothing.
 */
final class ShortLived<T> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<T>(long ownerId, T value, Instant expires) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    ShortLived(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String keep(Actor owner, T value) {
        forgetExpired();
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entries.put(id, new Entry<>(owner.id(), value, clock.instant().plus(lifetime)));
        return id;
    }

    Optional<T> find(Actor owner, String id) {
        Entry<T> entry = id == null ? null : entries.get(id);
        if (entry == null || entry.ownerId() != owner.id()) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(id);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Replaces the value of an entry the owner holds, keeping its expiry. */
    void replace(Actor owner, String id, T value) {
        find(owner, id).ifPresent(old -> entries.computeIfPresent(id, (k, e) -> new Entry<>(e.ownerId(), value, e.expires())));
    }

    void forget(Actor owner, String id) {
        find(owner, id).ifPresent(value -> entries.remove(id));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
    }
}
