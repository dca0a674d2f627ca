-- Operations: the audit log and the shared state that slows down and blocks password guessing.
-- Runs unchanged on MySQL 8 / MariaDB and on H2 in MODE=MySQL.

-- Who did what, to what, from where. Never holds a password, hash or token.
CREATE TABLE audit_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    target_type    VARCHAR(16)   NOT NULL,
    target         VARCHAR(200)  NULL,
    details        VARCHAR(1000) NULL,
    remote_address VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_target ON audit_event (target_type, target);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);

-- Failed logins per account ('user:<name>') and per client address ('addr:<ip>'), shared by
-- every instance on this database so adding instances does not multiply an attacker's tries.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(100) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    blocked_until   DATETIME(6)  NULL,
    PRIMARY KEY (throttle_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
