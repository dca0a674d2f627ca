package org.rollcall.scim;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and writing SCIM JSON: bodies are parsed here, so malformed JSON is a SCIM 400, never a 500. */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ROLLCALL_USER = "urn:rollcall:params:scim:schemas:extension:rollcall:2.0:User";
    static final String ROLLCALL_GROUP = "urn:rollcall:params:scim:schemas:extension:rollcall:2.0:Group";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScimJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("The request needs a JSON body.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ScimException.invalidSyntax("The body must be a JSON object.");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A boolean as identity providers send it: JSON true/false, or the strings "True"/"False" in any case (Entra ID). */
    static boolean bool(JsonNode node, String attribute) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw ScimException.invalidValue(attribute + " must be true or false");
    }

    /** A string attribute; null when absent or JSON null. */
    static String text(JsonNode node, String attribute) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ScimException.invalidValue(attribute + " must be a string");
        }
        return node.textValue();
    }

    /** Finds a member of an object ignoring case, as SCIM attribute names are. */
    static JsonNode get(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        var fields = object.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (field.equalsIgnoreCase(name)) {
                return object.get(field);
            }
        }
        return null;
    }
}
