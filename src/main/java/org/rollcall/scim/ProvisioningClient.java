package org.rollcall.scim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A system that provisions users and classes through /scim/v2. Only its secret's SHA-256 digest is stored. */
@Entity
@Table(name = "scim_client")
public class ProvisioningClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "secret_prefix", nullable = false, length = 16)
    private String prefix;

    @Column(name = "secret_digest", nullable = false, length = 64, columnDefinition = "char(64)")
    private String digest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** Null while the client may provision. */
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ProvisioningClient() {
    }

    ProvisioningClient(String name, String prefix, String digest, Instant createdAt) {
        this.name = name;
        this.prefix = prefix;
        this.digest = digest;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public String getDigest() { return digest; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
}
