-- Personal API tokens may expire (README "Logging in"): NULL never expires. An expired token is
-- refused like a revoked one. Runs on MySQL 8 / MariaDB and H2 in MODE=MySQL.
ALTER TABLE api_token ADD COLUMN expires_at DATETIME(6) NULL;
