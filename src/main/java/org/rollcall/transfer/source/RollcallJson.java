package org.rollcall.transfer.source;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rollcall's export format: one JSON object with a header, then "groups", "users" (password
 * hashes included, in "passwordHash") and "memberships", each an array of flat records. Written
 * by export, read by migrate.
 */
public final class RollcallJson {

    static final String FORMAT = "rollcall-export";
    static final int VERSION = 1;
    static final String WARNING = "This file contains password hashes (users[].passwordHash). Keep it as safe as the"
            + " database itself and delete it when it is no longer needed.";
    /** The export format names its arrays and a membership's class as the API does: "groups", "group". */
    public static final String CLASSES = "groups";
    public static final String USERS = "users";
    public static final String MEMBERSHIPS = "memberships";

    private static final Set<String> GROUP_FIELDS = Set.of("code", "name", "term", "period", "description", "createdAt", "updatedAt");
    private static final Set<String> USER_FIELDS = Set.of("username", "displayName", "email", "role", "enabled",
            "mustChangePassword", "lastLoginAt", "createdAt", "updatedAt", "passwordHash");
    private static final Set<String> MEMBERSHIP_FIELDS = Set.of("group", "username", "role", "createdAt");

    /** A record in the file that cannot be turned into a row; the message says which field and why. */
    static final class BadRecord extends Exception {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    private RollcallJson() {
    }

    public static void writeHeader(JsonGenerator json, String exportedFrom, Instant exportedAt) throws IOException {
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", VERSION);
        json.writeStringField("exportedAt", exportedAt.toString());
        json.writeStringField("exportedFrom", exportedFrom);
        json.writeStringField("warning", WARNING);
    }

    public static void write(JsonGenerator json, ClassRow g) throws IOException {
        json.writeStartObject();
        json.writeStringField("code", g.code());
        json.writeStringField("name", g.name());
        json.writeStringField("term", g.term());
        json.writeStringField("period", g.period());
        json.writeStringField("description", g.description());
        writeInstant(json, "createdAt", g.createdAt());
        writeInstant(json, "updatedAt", g.updatedAt());
        json.writeEndObject();
    }

    public static void write(JsonGenerator json, UserRow u) throws IOException {
        json.writeStartObject();
        json.writeStringField("username", u.username());
        json.writeStringField("displayName", u.displayName());
        json.writeStringField("email", u.email());
        json.writeStringField("role", u.role());
        json.writeBooleanField("enabled", u.enabled());
        json.writeBooleanField("mustChangePassword", u.mustChangePassword());
        writeInstant(json, "lastLoginAt", u.lastLoginAt());
        writeInstant(json, "createdAt", u.createdAt());
        writeInstant(json, "updatedAt", u.updatedAt());
        json.writeStringField("passwordHash", u.passwordHash());
        json.writeEndObject();
    }

    public static void write(JsonGenerator json, MembershipRow m) throws IOException {
        json.writeStartObject();
        json.writeStringField("group", m.group());
        json.writeStringField("username", m.username());
        json.writeStringField("role", m.role());
        writeInstant(json, "createdAt", m.createdAt());
        json.writeEndObject();
    }

    private static void writeInstant(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }

    static ClassRow schoolClass(JsonNode n) throws BadRecord {
        check(n, GROUP_FIELDS);
        return new ClassRow(text(n, "code"), text(n, "name"), text(n, "term"), text(n, "period"), text(n, "description"),
                instant(n, "createdAt"), instant(n, "updatedAt"));
    }

    static UserRow user(JsonNode n) throws BadRecord {
        check(n, USER_FIELDS);
        return new UserRow(text(n, "username"), text(n, "displayName"), text(n, "email"), text(n, "role"), text(n, "passwordHash"),
                bool(n, "enabled", true), bool(n, "mustChangePassword", false), instant(n, "lastLoginAt"), instant(n, "createdAt"),
                instant(n, "updatedAt"));
    }

    static MembershipRow membership(JsonNode n) throws BadRecord {
        check(n, MEMBERSHIP_FIELDS);
        return new MembershipRow(text(n, "group"), text(n, "username"), text(n, "role"), instant(n, "createdAt"));
    }

    /** A key for the report even when the record is bad. */
    static String key(JsonNode n, String... fields) {
        StringBuilder key = new StringBuilder();
        for (String f : fields) {
            JsonNode v = n == null ? null : n.get(f);
            key.append(key.isEmpty() ? "" : "/").append(v == null || !v.isTextual() ? "?" : v.asText());
        }
        return key.toString();
    }

    private static void check(JsonNode n, Set<String> known) throws BadRecord {
        if (n == null || !n.isObject()) {
            throw new BadRecord("is not a JSON object");
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRecord("'" + name + "' is not a known field (expected " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(JsonNode n, String field) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRecord(field + ": must be a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field, boolean absent) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new BadRecord(field + ": must be true or false");
        }
        return v.asBoolean();
    }

    private static Instant instant(JsonNode n, String field) throws BadRecord {
        String value = text(n, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRecord(field + ": must be an ISO-8601 instant such as 2025-09-01T08:00:00Z");
        }
    }
}
