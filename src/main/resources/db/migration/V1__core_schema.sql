-- Rollcall core schema. Runs unchanged on MySQL 8 / MariaDB and on H2 in MODE=MySQL.

CREATE TABLE app_user (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(254) NULL,
    password_hash        VARCHAR(255) NULL,
    role                 VARCHAR(16)  NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    last_login_at        DATETIME(6)  NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT uk_app_user_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_app_user_display_name ON app_user (display_name);
CREATE INDEX ix_app_user_role_username ON app_user (role, username);

CREATE TABLE app_group (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    code         VARCHAR(16)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    term         VARCHAR(16)   NOT NULL,
    class_period VARCHAR(32)   NULL,
    description  VARCHAR(1000) NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_group_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_app_group_name ON app_group (name);

CREATE TABLE membership (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    group_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_membership_group_user UNIQUE (group_id, user_id),
    CONSTRAINT fk_membership_group FOREIGN KEY (group_id) REFERENCES app_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_membership_user_role ON membership (user_id, role);

CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    token_digest CHAR(64)     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_token_digest UNIQUE (token_digest),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Instance-wide settings shared by every instance on this database (e.g. the session key).
CREATE TABLE app_setting (
    name          VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(512) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
