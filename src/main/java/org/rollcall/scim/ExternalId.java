package org.rollcall.scim;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A provisioning client's {@code externalId} for one user or class: unique per client and resource type. */
@Entity
@Table(name = "scim_external_id")
public class ExternalId {

    public static final String USER = "user";
    public static final String CLASS = "class";

    @Embeddable
    public record Key(@Column(name = "client_id") long clientId, @Column(name = "resource_type", length = 8) String resourceType,
            @Column(name = "resource_id") long resourceId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "external_id", nullable = false, length = 255)
    private String value;

    /** SHA-256 of the value: the case-exact key that uniqueness and {@code externalId eq} use. */
    @Column(name = "external_digest", nullable = false, length = 64, columnDefinition = "char(64)")
    private String digest;

    protected ExternalId() {
    }

    ExternalId(Key key, String value) {
        this.key = key;
        setValue(value);
    }

    public Key getKey() { return key; }
    public String getValue() { return value; }
    void setValue(String value) { this.value = value; this.digest = ProvisioningClients.digest(value); }
}
