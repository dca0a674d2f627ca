package org.rollcall.common.db;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How many transactions that wrote have ended here, committed or rolled back: what a cache of reads
 * compares to know whether what it kept may be out of date (common/db/KeptReads). Hibernate shows
 * every statement it runs to {@link Inspector}; rows written over plain JDBC say so through
 * {@link #writing()} (MultiRowInsert). A transaction that only reads counts for nothing, so the
 * read transactions of every request (a token's owner, the login throttle) keep what was kept.
 */
public final class DataChanges {

    private static final AtomicLong ENDED = new AtomicLong();
    private static final Object WRITES = new Object();

    private DataChanges() {
    }

    /** The count so far; read it before a read whose answer is kept. */
    public static long count() {
        return ENDED.get();
    }

    /** The current transaction writes: counted once it ends, after its commit or rollback. */
    public static void writing() {
        TransactionSynchronizationRegistry registry = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (registry.getTransactionKey() == null) {
            ENDED.incrementAndGet();   // Hibernate writes only in a transaction; counted anyway
            return;
        }
        if (registry.getResource(WRITES) == null) {
            registry.putResource(WRITES, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    ENDED.incrementAndGet();
                }
            });
        }
    }

    /** Every statement Hibernate runs, native queries included: one that changes data marks its transaction. */
    @PersistenceUnitExtension
    @ApplicationScoped
    public static class Inspector implements StatementInspector {

        @Override
        public String inspect(String sql) {
            if (changesData(sql)) {
                writing();
            }
            return sql;
        }
    }

    /**
     * Whether a statement may change rows: anything but a plain query (select, show, explain). A
     * statement counted that changed nothing costs a cache some hits; one missed would serve stale data.
     */
    static boolean changesData(String sql) {
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        return !(startsWith(sql, start, "select") || startsWith(sql, start, "show") || startsWith(sql, start, "explain"));
    }

    private static boolean startsWith(String sql, int at, String word) {
        return sql.regionMatches(true, at, word, 0, word.length());
    }
}
