package org.rollcall.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.rollcall.common.DomainException;
import org.rollcall.common.Text;

/**
 * Filters for the audit log; all optional. {@code action} matches an action or a family of them
 * ({@code user}, {@code login}); {@code target} matches a prefix, so {@code CSA/} finds a class's
 * memberships. Times are ISO instants or dates (UTC); {@code to} is exclusive.
 */
public record AuditQuery(String actor, String action, String targetType, String target, String address, Instant from,
        Instant to) {

    public static AuditQuery of(String actor, String action, String targetType, String target, String address,
            String from, String to) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw DomainException.invalid("to", "must be after from");
        }
        return new AuditQuery(Text.emptyToNull(Text.lower(actor)), AuditAction.normalise(action),
                AuditAction.normalise(targetType), Text.emptyToNull(Text.trim(target)),
                Text.emptyToNull(Text.trim(address)), start, end);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date (2025-09-01) or an instant (2025-09-01T08:00:00Z)");
        }
    }
}
