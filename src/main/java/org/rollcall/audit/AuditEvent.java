package org.rollcall.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the audit log. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "target_type", nullable = false, length = 16)
    private String targetType;

    @Column(length = 200)
    private String target;

    @Column(length = 1000)
    private String details;

    @Column(name = "remote_address", nullable = false, length = 64)
    private String remoteAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, String target, String details, String remoteAddress) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor, 64);
        this.action = action.id();
        this.targetType = action.targetType();
        this.target = clip(target, 200);
        this.details = clip(details, 1000);
        this.remoteAddress = clip(remoteAddress, 64);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTargetType() { return targetType; }
    public String getTarget() { return target; }
    public String getDetails() { return details; }
    public String getRemoteAddress() { return remoteAddress; }
}
