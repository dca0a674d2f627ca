package org.rollcall.admin.migrate;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.rollcall.group.GroupRow;
import org.rollcall.group.MembershipRow;
import org.rollcall.user.UserRow;

import com.fasterxml.jackson.databind.JsonNode;

/** A file written by {@code rollcall export}. */
final class RollcallJsonSource implements Source {

    private final JsonFile file;
    private final Map<Entity, Long> counts = new EnumMap<>(Entity.class);

    RollcallJsonSource(JsonFile file) throws IOException {
        this.file = file;
        Map<String, JsonNode> header = file.header();
        JsonNode version = header.get("formatVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() > RollcallJson.VERSION) {
            throw new IOException(file.path() + " is a Rollcall export of format version " + version + "; this Rollcall reads"
                    + " version " + RollcallJson.VERSION + ". Use a Rollcall at least as new as the one that exported it.");
        }
        counts.put(Entity.GROUPS, (long) file.count(RollcallJson.GROUPS));
        counts.put(Entity.USERS, (long) file.count(RollcallJson.USERS));
        counts.put(Entity.MEMBERSHIPS, (long) file.count(RollcallJson.MEMBERSHIPS));
    }

    @Override
    public String description() {
        return "Rollcall export file " + file.path();
    }

    @Override
    public long count(Entity entity) {
        return counts.get(entity);
    }

    @Override
    public void groups(Sink<GroupRow> sink) throws Exception {
        file.forEach(RollcallJson.GROUPS, (i, n) -> {
            String origin = "groups[" + i + "]";
            try {
                sink.accept(Read.of(origin, RollcallJson.group(n)));
            } catch (RollcallJson.BadRecord e) {
                sink.accept(Read.problem(origin, RollcallJson.key(n, "code"), e.getMessage()));
            }
        });
    }

    @Override
    public void users(Sink<UserRow> sink) throws Exception {
        file.forEach(RollcallJson.USERS, (i, n) -> {
            String origin = "users[" + i + "]";
            try {
                sink.accept(Read.of(origin, RollcallJson.user(n)));
            } catch (RollcallJson.BadRecord e) {
                sink.accept(Read.problem(origin, RollcallJson.key(n, "username"), e.getMessage()));
            }
        });
    }

    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        file.forEach(RollcallJson.MEMBERSHIPS, (i, n) -> {
            String origin = "memberships[" + i + "]";
            try {
                sink.accept(Read.of(origin, RollcallJson.membership(n)));
            } catch (RollcallJson.BadRecord e) {
                sink.accept(Read.problem(origin, RollcallJson.key(n, "group", "username"), e.getMessage()));
            }
        });
    }
}
