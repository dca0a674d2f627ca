-- Answers to API create calls made with an Idempotency-Key (README "JSON API"), replayed for the
-- same caller, key and request within 24 hours. Runs on MySQL 8 / MariaDB and H2 in MODE=MySQL.
CREATE TABLE idempotent_request (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    caller_id    BIGINT        NOT NULL,
    idem_key     VARCHAR(255)  NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    status       INT           NULL,
    content_type VARCHAR(100)  NULL,
    location     VARCHAR(1000) NULL,
    body         MEDIUMTEXT    NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_idempotent_request_key UNIQUE (caller_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
