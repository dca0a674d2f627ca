package org.rollcall.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as Rollcall stores them, and comparing times brought in by an import with those already stored. */
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

    /** A time column read over plain JDBC: Rollcall stores UTC wall-clock values (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    public static Instant stored(ResultSet rs, String column) throws SQLException {
        return utc(rs.getObject(column, LocalDateTime.class));
    }

    /** The same by position, for a read that knows its columns: by name, Connector/J first builds a map of every column's names. */
    public static Instant stored(ResultSet rs, int column) throws SQLException {
        return utc(rs.getObject(column, LocalDateTime.class));
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
