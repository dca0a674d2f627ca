-- Kasm Workspaces sync (docs/kasm.md). Runs unchanged on MySQL 8 / MariaDB and on H2 in MODE=MySQL.

-- The outbox: every change Kasm must see, written in the same transaction as the change and
-- delivered by a worker in id order per user. An instance owns an event while claimed_until is in
-- the future (state 'delivering'); a crashed instance's claim runs out and another takes it over.
-- password_sealed holds a password set in Rollcall, AES-GCM under the session key, and is nulled as
-- soon as the event is delivered or abandoned.
CREATE TABLE kasm_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    username        VARCHAR(64)   NOT NULL,
    user_id         BIGINT        NULL,
    kind            VARCHAR(16)   NOT NULL,
    payload         VARCHAR(2000) NULL,
    password_sealed VARCHAR(512)  NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(64)   NULL,
    claimed_until   DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    last_attempt_at DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    delivered_at    DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_kasm_outbox_due ON kasm_outbox (state, next_attempt_at);
CREATE INDEX ix_kasm_outbox_user ON kasm_outbox (username, id);

-- Which Kasm user a Rollcall username is (Kasm's user_id), learnt from create_user or get_user.
CREATE TABLE kasm_user (
    username     VARCHAR(64) NOT NULL,
    kasm_user_id VARCHAR(64) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The existing Kasm group a class maps to (set by an admin on the class form or through the API).
ALTER TABLE app_group ADD COLUMN kasm_group_id VARCHAR(64) NULL;
