-- A search by name or email prefix, in username order (the default), reads the index alone:
-- username no longer has to be fetched from each matching row to order them.
CREATE INDEX ix_app_user_display_name_username ON app_user (display_name, username);
CREATE INDEX ix_app_user_email_username ON app_user (email, username);
-- the new name index starts with display_name, so it serves every lookup the old one did
ALTER TABLE app_user DROP INDEX ix_app_user_display_name;
