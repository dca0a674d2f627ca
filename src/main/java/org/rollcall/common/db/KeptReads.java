package org.rollcall.common.db;

import java.util.function.Supplier;

import org.rollcall.common.Caches;

import io.quarkus.cache.Cache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Answers read from the database, the most recently read kept for a moment in a Quarkus cache (its
 * configuration says how many, and for how long).
 * <ul>
 * <li>On this instance a change shows at once: every transaction that wrote, whatever it wrote,
 * makes everything kept before it ends stale ({@link DataChanges}). An entry remembers how many had
 * ended when its read began, so a read that raced a commit is never served afterwards. Transactions
 * that only read (a token's owner, the login throttle) leave what was kept.</li>
 * <li>A change made through another instance, or by a command, shows when the entry expires.</li>
 * <li>Only reads outside a transaction use it: inside one, the transaction's own writes count.</li>
 * <li>An answer is kept from the second time it is read within a while, not the first: reading many
 * keys once each (a load spread over 100,000 users) keeps nothing, so no entry lives just long
 * enough to leave the young generation and fill the old one.</li>
 * </ul>
 * Keys must have a value's equality; answers are shared between requests, so they must not change.
 */
public final class KeptReads<K, V> {

    private record Kept(long changes, Object answer) {
    }

    private final Cache cache;
    /** Keys read lately and not kept, each under two hashes (a collision on one does not stop the other). */
    private final int[] readOnce = new int[1 << 15];

    public KeptReads(Cache cache) {
        this.cache = cache;
    }

    /** The kept answer for this key, or {@code read}'s (kept for the next request unless null). */
    @SuppressWarnings("unchecked")
    public V get(K key, Supplier<V> read) {
        if (QuarkusTransaction.isActive()) {
            return read.get();
        }
        long changes = DataChanges.count();
        if (Caches.present(cache, key) instanceof Kept kept && kept.changes() == changes) {
            return (V) kept.answer();
        }
        V answer = read.get();
        if (answer != null && readBefore(key)) {
            Caches.put(cache, key, new Kept(changes, answer));
        }
        return answer;
    }

    /** Whether this key was read lately; remembers it for next time. Races only lose a mark. */
    private boolean readBefore(K key) {
        int hash = key.hashCode();
        int mark = hash | 1;
        int first = (hash * 0x9E3779B9) >>> 17;
        int second = (Integer.rotateLeft(hash, 16) * 0x85EBCA6B) >>> 17;
        boolean seen = readOnce[first] == mark || readOnce[second] == mark;
        readOnce[first] = mark;
        readOnce[second] = mark;
        return seen;
    }
}
