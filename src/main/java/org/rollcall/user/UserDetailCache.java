package org.rollcall.user;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.common.Caches;
import org.rollcall.common.db.DataChanges;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Users as GET /api/users/{username} shows them, the most recently read kept for a moment
 * (quarkus.cache.caffeine."user-details": how many, and for how long).
 * <ul>
 * <li>On this instance a change shows at once: every transaction that wrote, whatever it wrote,
 * makes everything kept before it ends stale ({@link DataChanges}). An entry remembers how many had
 * ended when its read began, so a read that raced a commit is never served afterwards. Transactions
 * that only read (a token's owner, the login throttle) leave what was kept.</li>
 * <li>A change made through another instance, or by a command, shows when the entry expires.</li>
 * <li>Only reads outside a transaction use it: inside one, the transaction's own writes count.</li>
 * <li>An answer is kept from the second time it is read within a while, not the first: reading many
 * users once each (a load spread over 100,000) keeps nothing, so no entry lives just long enough to
 * leave the young generation and fill the old one.</li>
 * </ul>
 * Who may see the user is decided on every request, from the id and role kept with the entry.
 */
@ApplicationScoped
public class UserDetailCache {

    private record Kept(long changes, UserRepository.Found found) {
    }

    @Inject
    @CacheName("user-details")
    Cache cache;
    /** Usernames read lately and not kept, each under two hashes (a collision on one does not stop the other). */
    private final int[] readOnce = new int[1 << 15];

    /** The kept answer for this username, or {@code read}'s (kept for the next request when found). */
    Optional<UserRepository.Found> find(String username, Supplier<Optional<UserRepository.Found>> read) {
        if (QuarkusTransaction.isActive()) {
            return read.get();
        }
        long changes = DataChanges.count();
        if (Caches.present(cache, username) instanceof Kept kept && kept.changes() == changes) {
            return Optional.of(kept.found());
        }
        Optional<UserRepository.Found> found = read.get();
        if (found.isPresent() && readBefore(username)) {
            Caches.put(cache, username, new Kept(changes, found.get()));
        }
        return found;
    }

    /** Whether this username was read lately; remembers it for next time. Races only lose a mark. */
    private boolean readBefore(String username) {
        int hash = username.hashCode();
        int mark = hash | 1;
        int first = (hash * 0x9E3779B9) >>> 17;
        int second = (Integer.rotateLeft(hash, 16) * 0x85EBCA6B) >>> 17;
        boolean seen = readOnce[first] == mark || readOnce[second] == mark;
        readOnce[first] = mark;
        readOnce[second] = mark;
        return seen;
    }
}
