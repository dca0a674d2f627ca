-- SCIM 2.0 provisioning (docs/scim.md). Runs unchanged on MySQL 8 / MariaDB and H2 in MODE=MySQL.

-- A provisioning client: an identity provider or student information system that provisions
-- users and classes through /scim/v2. Only the SHA-256 digest of its secret is stored.
CREATE TABLE scim_client (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(64)  NOT NULL,
    secret_prefix VARCHAR(16)  NOT NULL,
    secret_digest CHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NULL,
    revoked_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_scim_client_name UNIQUE (name),
    CONSTRAINT uk_scim_client_digest UNIQUE (secret_digest)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Short-lived bearer tokens issued by the OAuth 2.0 client-credentials grant (/scim/v2/token).
CREATE TABLE scim_access_token (
    token_digest CHAR(64)    NOT NULL,
    client_id    BIGINT      NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (token_digest),
    CONSTRAINT fk_scim_access_token_client FOREIGN KEY (client_id) REFERENCES scim_client (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_scim_access_token_expiry ON scim_access_token (expires_at);

-- A client's externalId for a user or a class, unique per client and resource type. externalId is
-- case-exact (RFC 7643) while both databases compare text ignoring case, so uniqueness and
-- `externalId eq` use the SHA-256 of the value (first unique key); the value itself is what is shown.
CREATE TABLE scim_external_id (
    client_id       BIGINT       NOT NULL,
    resource_type   VARCHAR(8)   NOT NULL,
    resource_id     BIGINT       NOT NULL,
    external_id     VARCHAR(255) NOT NULL,
    external_digest CHAR(64)     NOT NULL,
    PRIMARY KEY (client_id, resource_type, resource_id),
    CONSTRAINT uk_scim_external_id UNIQUE (client_id, resource_type, external_digest),
    CONSTRAINT fk_scim_external_id_client FOREIGN KEY (client_id) REFERENCES scim_client (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_scim_external_id_resource ON scim_external_id (resource_type, resource_id);
