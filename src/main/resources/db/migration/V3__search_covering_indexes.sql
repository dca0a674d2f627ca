-- A search by name prefix, in username order (the default), reads the index alone: username no
-- longer has to be fetched from each of the (often many) users sharing a name to order them.
CREATE INDEX ix_app_user_display_name_username ON app_user (display_name, username);
-- it starts with display_name, so it serves every lookup the old name index did
ALTER TABLE app_user DROP INDEX ix_app_user_display_name;
