package org.rollcall.transfer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Flask app's {@code data.json}: a list of users ({@code uid, name, email, role, pfp,
 * kasm_server_needed, sections: [{abbreviation, name, year}]}), without password hashes.
 */
public final class LegacyJsonSource implements Source {

    private static final Set<String> KNOWN = Set.of("uid", "name", "email", "role", "pfp", "kasm_server_needed", "sections");

    private final JsonFile file;
    private final String array;
    private final LegacyMapping mapping;
    private final List<ClassRow> classes;
    private long users;
    private long memberships;
    private long pictures;
    private long kasm;
    private final Set<String> ignored = new TreeSet<>();

    LegacyJsonSource(JsonFile file, LegacyMapping mapping) throws Exception {
        this.file = file;
        this.array = file.isTopLevelArray() ? null : "users";
        this.mapping = mapping;
        file.forEach(array, (i, user) -> {
            users++;
            if (!user.isObject()) {
                return;
            }
            user.fieldNames().forEachRemaining(f -> {
                if (!KNOWN.contains(f)) {
                    ignored.add(f);
                }
            });
            JsonNode picture = user.get("pfp");
            pictures += picture != null && picture.isTextual() && !picture.asText().isBlank() ? 1 : 0;
            kasm += user.path("kasm_server_needed").asBoolean(false) ? 1 : 0;
            for (JsonNode section : sections(user)) {
                memberships++;
                String abbreviation = textOrNull(section, "abbreviation");
                if (abbreviation != null && !abbreviation.isBlank()) {
                    mapping.section(abbreviation, textOrNull(section, "name"));
                    mapping.memberYear(abbreviation, year(section));
                }
            }
        });
        this.classes = mapping.classes();
    }

    @Override
    public String description() {
        return "legacy data.json " + file.path();
    }

    @Override
    public long count(Entity entity) {
        return switch (entity) {
            case CLASSES -> classes.size();
            case USERS -> users;
            case MEMBERSHIPS -> memberships;
        };
    }

    @Override
    public void classes(Sink<ClassRow> sink) throws Exception {
        for (ClassRow row : classes) {
            sink.accept(Read.of("sections " + row.code() + " (" + row.term() + ")", row));
        }
    }

    @Override
    public void users(Sink<UserRow> sink) throws Exception {
        file.forEach(array, (i, user) -> {
            String origin = "users[" + i + "]";
            try {
                String uid = RollcallJson.text(user, "uid");
                String legacyRole = RollcallJson.text(user, "role");
                // the Flask model's default role
                String role = mapping.role(uid, legacyRole == null ? "User" : legacyRole);
                if (role == null) {
                    sink.accept(Read.problem(origin, uid, LegacyMapping.unknownRole(legacyRole)));
                    return;
                }
                sink.accept(Read.of(origin, new UserRow(uid, RollcallJson.text(user, "name"), mapping.email(origin, uid, RollcallJson.text(user, "email")), role,
                        null, true, false, null, null, null)));
            } catch (RollcallJson.BadRecord | RuntimeException e) {
                sink.accept(Read.problem(origin, RollcallJson.key(user, "uid"), e.getMessage()));
            }
        });
    }

    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        file.forEach(array, (i, user) -> {
            List<JsonNode> sections = sections(user);
            for (int j = 0; j < sections.size(); j++) {
                JsonNode section = sections.get(j);
                String origin = "users[" + i + "].sections[" + j + "]";
                String uid = textOrNull(user, "uid");
                String abbreviation = textOrNull(section, "abbreviation");
                if (uid == null || abbreviation == null || abbreviation.isBlank()) {
                    sink.accept(Read.problem(origin, null, uid == null ? "the user has no uid" : "the section has no abbreviation"));
                    continue;
                }
                String role = mapping.role(uid, textOrNull(user, "role") == null ? "User" : textOrNull(user, "role"));
                sink.accept(Read.of(origin, new MembershipRow(mapping.classCode(abbreviation, year(section)), uid,
                        LegacyMapping.membershipRole(role), null)));
            }
        });
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(String.format("data.json holds no password hashes: its %,d users have no password in Rollcall until an"
                + " admin resets it (users that already had one keep it).", users));
        if (pictures + kasm > 0) {
            notes.add(String.format("Not migrated, Rollcall has no place for them: %,d profile pictures (pfp) and %,d"
                    + " kasm_server_needed flags.", pictures, kasm));
        }
        if (!ignored.isEmpty()) {
            notes.add("Fields not part of the legacy format, ignored: " + String.join(", ", ignored) + ".");
        }
        notes.addAll(mapping.notes());
        return notes;
    }

    @Override
    public List<String> problems() {
        return mapping.problems();
    }

    private static List<JsonNode> sections(JsonNode user) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode sections = user == null ? null : user.get("sections");
        if (sections != null && sections.isArray()) {
            sections.forEach(list::add);
        }
        return list;
    }

    private static String year(JsonNode section) {
        JsonNode year = section.get("year");
        return year == null || year.isNull() ? null : year.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
