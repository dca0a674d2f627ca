package org.rollcall.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Recent failed logins for one account ("user:name") or one client address ("addr:ip"). */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleState {

    @Id
    @Column(name = "throttle_key", length = 100)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected LoginThrottleState() {
    }

    LoginThrottleState(String key) {
        this.key = key;
    }

    public String getKey() { return key; }
    public int getFailures() { return failures; }
    public Instant getLastFailureAt() { return lastFailureAt; }
    public Instant getBlockedUntil() { return blockedUntil; }

    void failedAt(Instant now, int failures, Instant blockedUntil) {
        this.failures = failures;
        this.lastFailureAt = now;
        this.blockedUntil = blockedUntil;
    }
}
