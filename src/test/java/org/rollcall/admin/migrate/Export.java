package org.rollcall.admin.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.rollcall.support.PackagedCommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A Rollcall export file read back, for comparing what two databases hold. */
record Export(JsonNode json) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs 'rollcall export' against the database in {@code env} and reads the file. */
    static Export of(Path scratch, Map<String, String> env) {
        Path file = scratch.resolve("export-" + System.nanoTime() + ".json");
        PackagedCommand.Result result = PackagedCommand.run(scratch, env, "export", "-o", file.toString());
        assertEquals(0, result.exitCode(), result.all());
        return read(file);
    }

    static Export read(Path file) {
        try {
            return new Export(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ArrayNode groups() {
        return (ArrayNode) json.get("groups");
    }

    ArrayNode users() {
        return (ArrayNode) json.get("users");
    }

    ArrayNode memberships() {
        return (ArrayNode) json.get("memberships");
    }

    /** Fails with the first record that differs, rather than two pages of JSON. */
    static void assertSameData(Export expected, Export actual, String message) {
        for (String list : new String[] { "groups", "users", "memberships" }) {
            JsonNode want = expected.json().get(list);
            JsonNode got = actual.json().get(list);
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                assertEquals(want.get(i), got.get(i), message + ": " + list + "[" + i + "] differs (sizes " + want.size() + " and "
                        + got.size() + ")");
            }
        }
    }

    JsonNode user(String username) {
        for (JsonNode u : users()) {
            if (u.get("username").asText().equals(username)) {
                return u;
            }
        }
        return null;
    }

    JsonNode group(String code) {
        for (JsonNode g : groups()) {
            if (g.get("code").asText().equals(code)) {
                return g;
            }
        }
        return null;
    }
}
