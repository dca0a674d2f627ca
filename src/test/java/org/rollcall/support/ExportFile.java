package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A Rollcall export file read back, for comparing what two databases hold. */
public record ExportFile(JsonNode json) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs 'rollcall export' against the database in {@code env} and reads the file. */
    public static ExportFile of(Path scratch, Map<String, String> env) {
        Path file = scratch.resolve("export-" + System.nanoTime() + ".json");
        PackagedCommand.Result result = PackagedCommand.run(scratch, env, "export", "-o", file.toString());
        assertEquals(0, result.exitCode(), result.all());
        return read(file);
    }

    public static ExportFile read(Path file) {
        try {
            return new ExportFile(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ArrayNode groups() {
        return (ArrayNode) json.get("groups");
    }

    public ArrayNode users() {
        return (ArrayNode) json.get("users");
    }

    public ArrayNode memberships() {
        return (ArrayNode) json.get("memberships");
    }

    /** Fails with the first record that differs, rather than two pages of JSON. */
    public static void assertSameData(ExportFile expected, ExportFile actual, String message) {
        for (String list : new String[] { "groups", "users", "memberships" }) {
            JsonNode want = expected.json().get(list);
            JsonNode got = actual.json().get(list);
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                assertEquals(want.get(i), got.get(i), message + ": " + list + "[" + i + "] differs (sizes " + want.size() + " and "
                        + got.size() + ")");
            }
        }
    }

    public JsonNode user(String username) {
        for (JsonNode u : users()) {
            if (u.get("username").asText().equals(username)) {
                return u;
            }
        }
        return null;
    }

    public JsonNode group(String code) {
        for (JsonNode g : groups()) {
            if (g.get("code").asText().equals(code)) {
                return g;
            }
        }
        return null;
    }
}
