package org.rollcall.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Comparing times brought in by an import with those already stored. */
public final class Instants {

    private Instants() {
    }

    /**
     * Whether a stored time already says what the source says. A database that keeps whole
     * seconds only (MariaDB behind MySQL Connector/J, which reads its version as "5.5.5-..." and
     * drops fractions) stored the source's time without its fraction: that counts as the same,
     * or every re-run would "update" every record.
     */
    public static boolean sameAsStored(Instant source, Instant stored) {
        if (source == null || stored == null) {
            return source == stored;
        }
        return source.equals(stored) || (stored.getNano() == 0 && source.truncatedTo(ChronoUnit.SECONDS).equals(stored));
    }
}
