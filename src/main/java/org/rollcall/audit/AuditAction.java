package org.rollcall.audit;

import java.util.Locale;

/** What an audit event records; each action concerns one kind of target. */
public enum AuditAction {
    USER_CREATE("user.create", "user"),
    USER_UPDATE("user.update", "user"),
    USER_ENABLE("user.enable", "user"),
    USER_DISABLE("user.disable", "user"),
    USER_DELETE("user.delete", "user"),
    PASSWORD_RESET("user.password-reset", "user"),
    PASSWORD_CHANGE("user.password-change", "user"),
    /** "Sign out everywhere": every browser session of the account ended, by the user or an admin. */
    SESSIONS_END("user.sessions-end", "user"),
    // Stored identifiers: audit rows written before classes were called classes in code keep "group".
    CLASS_CREATE("group.create", "group"),
    CLASS_UPDATE("group.update", "group"),
    CLASS_DELETE("group.delete", "group"),
    MEMBER_ADD("membership.add", "membership"),
    MEMBER_ROLE("membership.role", "membership"),
    MEMBER_REMOVE("membership.remove", "membership"),
    /** Bulk paths (migrate, imports) record one event per chunk and kind, naming what they created and updated. */
    USER_IMPORT("user.import", "user"),
    CLASS_IMPORT("group.import", "group"),
    MEMBER_IMPORT("membership.import", "membership"),
    /** One event per run of a command that changes data, with its counts. */
    DATABASE_INIT("database.init", "database"),
    DATABASE_MIGRATE("database.migrate", "database"),
    DATABASE_RESTORE("database.restore", "database"),
    /** Provisioning clients of /scim/v2 (their changes are recorded as the user and class actions, by "scim:NAME"). */
    SCIM_CLIENT_CREATE("scim-client.create", "scim-client"),
    SCIM_CLIENT_REVOKE("scim-client.revoke", "scim-client"),
    /** Wrong password, unknown user or disabled account. */
    LOGIN_FAILED("login.failed", "user"),
    /** Too many failures: the account or address is refused for a while. */
    LOGIN_BLOCKED("login.blocked", "user");

    private final String id;
    private final String targetType;

    AuditAction(String id, String targetType) {
        this.id = id;
        this.targetType = targetType;
    }

    public String id() {
        return id;
    }

    public String targetType() {
        return targetType;
    }

    @Override
    public String toString() {
        return id;
    }

    static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
