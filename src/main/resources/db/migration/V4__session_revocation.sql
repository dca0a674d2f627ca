-- Sessions bound to the account and revocable (README "Logging in"). Runs unchanged on MySQL 8 /
-- MariaDB and on H2 in MODE=MySQL.

-- Goes up whenever all of the account's sessions end (password, role, disabled, sign out everywhere);
-- a session cookie carries the generation it was issued under.
ALTER TABLE app_user ADD COLUMN session_generation INT NOT NULL DEFAULT 0;

-- What every instance polls to learn of ended sessions: one session (session_id, logging out) or all
-- of an account's (username, to drop its cached state). Rows are purged once expired.
CREATE TABLE session_revocation (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    session_id VARCHAR(32) NULL,
    username   VARCHAR(64) NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_session_revocation_created ON session_revocation (created_at);
CREATE INDEX ix_session_revocation_expires ON session_revocation (expires_at);
