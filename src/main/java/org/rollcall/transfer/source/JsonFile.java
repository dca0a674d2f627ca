package org.rollcall.transfer.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams the records of a JSON file one at a time, so a large export needs no more memory than
 * its largest record: either the elements of a top-level array, or of a named array in a
 * top-level object.
 */
public final class JsonFile {

    @FunctionalInterface
    interface ElementHandler {
        void element(int index, JsonNode node) throws Exception;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;

    JsonFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    boolean isTopLevelArray() throws IOException {
        try (JsonParser p = MAPPER.createParser(path.toFile())) {
            return p.nextToken() == JsonToken.START_ARRAY;
        }
    }

    /** The scalar fields of the top-level object (its header), or an empty map for an array. */
    Map<String, JsonNode> header() throws IOException {
        Map<String, JsonNode> header = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(path.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return header;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isScalarValue()) {
                    header.put(name, MAPPER.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
        }
        return header;
    }

    /** Calls the handler for each element of the array ({@code array} null: the top-level array). */
    void forEach(String array, ElementHandler handler) throws Exception {
        try (JsonParser p = MAPPER.createParser(path.toFile())) {
            if (toArray(p, array)) {
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    handler.element(index++, MAPPER.readTree(p));
                }
            }
        }
    }

    /** How many elements the array has, without building them. */
    int count(String array) throws IOException {
        try (JsonParser p = MAPPER.createParser(path.toFile())) {
            int count = 0;
            if (toArray(p, array)) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    count++;
                }
            }
            return count;
        }
    }

    /** Moves the parser onto the start of the array; false when the file has no such array. */
    private boolean toArray(JsonParser p, String array) throws IOException {
        JsonToken first = p.nextToken();
        if (array == null) {
            if (first != JsonToken.START_ARRAY) {
                throw new IOException(path + " does not hold a JSON array");
            }
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new IOException(path + " does not hold a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(array)) {
                if (value != JsonToken.START_ARRAY) {
                    throw new IOException("\"" + array + "\" in " + path + " is not an array");
                }
                return true;
            }
            p.skipChildren();
        }
        return false;
    }
}
