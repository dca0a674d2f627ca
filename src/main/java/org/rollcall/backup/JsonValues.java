package org.rollcall.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.rollcall.backup.DbTables.Kind;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A column's value on its way out of the database into a backup line, and back into a database:
 * written as the engine-neutral JSON of its {@link Kind}, bound as that kind again on restore.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The value as JSON text, the same on every engine for the same data. */
    static void append(StringBuilder out, ResultSet rs, int index, Kind kind) throws SQLException {
        switch (kind) {
            case INTEGER -> {
                long v = rs.getLong(index);
                out.append(rs.wasNull() ? "null" : Long.toString(v));
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(index);
                out.append(rs.wasNull() ? "null" : Boolean.toString(v));
            }
            case FLOAT -> {
                double v = rs.getDouble(index);
                out.append(rs.wasNull() ? "null" : Double.isFinite(v) ? Double.toString(v) : quote(Double.toString(v)));
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(index);
                out.append(v == null ? "null" : quote(v.toPlainString()));
            }
            case DATE -> appendString(out, rs.getObject(index, LocalDate.class));
            case TIME -> appendString(out, rs.getObject(index, LocalTime.class));
            case TIMESTAMP -> appendString(out, rs.getObject(index, LocalDateTime.class));
            case TIMESTAMP_TZ -> appendString(out, rs.getObject(index, OffsetDateTime.class));
            case BINARY -> {
                byte[] v = rs.getBytes(index);
                out.append(v == null ? "null" : quote(Base64.getEncoder().encodeToString(v)));
            }
            case STRING -> appendString(out, rs.getString(index));
        }
    }

    private static void appendString(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append('"');
            JsonStringEncoder.getInstance().quoteAsString(value.toString(), out);
            out.append('"');
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder();
        appendString(out, s);
        return out.toString();
    }

    /** Binds a value read back from a backup line, as the kind it was written as. */
    static void bind(PreparedStatement ps, int index, Kind kind, JsonNode value, int targetType, boolean mysqlTarget)
            throws SQLException {
        if (value == null || value.isNull()) {
            ps.setNull(index, targetType);
            return;
        }
        if (mysqlTarget && (kind == Kind.TIMESTAMP || kind == Kind.TIME)) {
            // Connector/J drops fractional seconds from temporal parameters when MariaDB announces
            // itself as "5.5.5-..."; as text the server keeps all six digits.
            ps.setString(index, value.asText().replace('T', ' '));
            return;
        }
        switch (kind) {
            case INTEGER -> ps.setLong(index, value.asLong());
            case BOOLEAN -> ps.setBoolean(index, value.asBoolean());
            case FLOAT -> ps.setDouble(index, value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText()));
            case DECIMAL -> ps.setBigDecimal(index, new BigDecimal(value.asText()));
            case DATE -> ps.setObject(index, LocalDate.parse(value.asText()));
            case TIME -> ps.setObject(index, LocalTime.parse(value.asText()));
            case TIMESTAMP -> ps.setObject(index, LocalDateTime.parse(value.asText()));
            case TIMESTAMP_TZ -> ps.setObject(index, OffsetDateTime.parse(value.asText()));
            case BINARY -> ps.setBytes(index, Base64.getDecoder().decode(value.asText()));
            case STRING -> ps.setString(index, value.asText());
        }
    }
}
