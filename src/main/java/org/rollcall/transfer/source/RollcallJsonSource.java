package org.rollcall.transfer.source;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

import com.fasterxml.jackson.databind.JsonNode;

/** A file written by {@code rollcall export}. */
public final class RollcallJsonSource implements Source {

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
        counts.put(Entity.CLASSES, (long) file.count(RollcallJson.CLASSES));
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
    public void classes(Sink<ClassRow> sink) throws Exception {
        read(RollcallJson.CLASSES, RollcallJson::schoolClass, n -> RollcallJson.key(n, "code"), sink);
    }

    @Override
    public void users(Sink<UserRow> sink) throws Exception {
        read(RollcallJson.USERS, RollcallJson::user, n -> RollcallJson.key(n, "username"), sink);
    }

    @Override
    public void memberships(Sink<MembershipRow> sink) throws Exception {
        read(RollcallJson.MEMBERSHIPS, RollcallJson::membership, n -> RollcallJson.key(n, "group", "username"), sink);
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(JsonNode node) throws RollcallJson.BadRecord;
    }

    /** Each element of one array of the file, parsed, or as a problem naming its key when it cannot be. */
    private <T> void read(String array, Parser<T> parser, Function<JsonNode, String> keyOf, Sink<T> sink) throws Exception {
        file.forEach(array, (i, n) -> {
            String origin = array + "[" + i + "]";
            try {
                sink.accept(Read.of(origin, parser.parse(n)));
            } catch (RollcallJson.BadRecord e) {
                sink.accept(Read.problem(origin, keyOf.apply(n), e.getMessage()));
            }
        });
    }
}
