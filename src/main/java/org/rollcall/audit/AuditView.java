package org.rollcall.audit;

import java.time.Instant;

/** An audit event as the API and the page show it. */
public record AuditView(long id, Instant at, String actor, String action, String targetType, String target,
        String details, String remoteAddress) {

    /** "2025-09-01 08:15:02", for the page. */
    public String when() {
        return at.toString().replace('T', ' ').substring(0, Math.min(19, at.toString().length()));
    }

    static AuditView of(AuditEvent e) {
        return new AuditView(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(), e.getTarget(),
                e.getDetails(), e.getRemoteAddress());
    }
}
