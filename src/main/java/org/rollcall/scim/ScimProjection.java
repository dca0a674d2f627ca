package org.rollcall.scim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code attributes} and {@code excludedAttributes} (RFC 7644 section 3.4.2.5) applied to a resource as it is sent. */
final class ScimProjection {

    /** Returned whatever is asked (returned: always). */
    private static final List<String> ALWAYS = List.of("id", "schemas");

    private ScimProjection() {
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static ObjectNode apply(ObjectNode resource, String coreUrn, List<String> attributes, List<String> excluded) {
        if (!attributes.isEmpty()) {
            ObjectNode kept = ScimJson.object();
            for (String name : ALWAYS) {
                if (resource.has(name)) {
                    kept.set(name, resource.get(name));
                }
            }
            for (String attribute : attributes) {
                copy(resource, kept, split(attribute, coreUrn));
            }
            return kept;
        }
        for (String attribute : excluded) {
            remove(resource, split(attribute, coreUrn));
        }
        return resource;
    }

    /** ["name", "givenName"], or for an extension ["urn:...:User", "role"]. */
    private static List<String> split(String attribute, String coreUrn) {
        String path = attribute;
        String container = null;
        if (path.regionMatches(true, 0, coreUrn + ":", 0, coreUrn.length() + 1)) {
            path = path.substring(coreUrn.length() + 1);
        } else if (path.toLowerCase(Locale.ROOT).startsWith("urn:")) {
            int colon = path.lastIndexOf(':');
            container = path.substring(0, colon);
            path = path.substring(colon + 1);
        }
        List<String> parts = new ArrayList<>();
        if (container != null) {
            parts.add(container);
        }
        parts.addAll(Arrays.asList(path.split("\\.")));
        return parts;
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> parts) {
        String field = field(from, parts.get(0));
        if (field == null) {
            return;
        }
        JsonNode value = from.get(field);
        if (parts.size() == 1 || !(value.isObject() || value.isArray())) {
            to.set(field, value);
            return;
        }
        List<String> rest = parts.subList(1, parts.size());
        if (value.isObject()) {
            ObjectNode target = to.has(field) && to.get(field).isObject() ? (ObjectNode) to.get(field) : to.putObject(field);
            copy(value, target, rest);
        } else {
            var array = to.putArray(field);
            for (JsonNode element : value) {
                ObjectNode target = ScimJson.object();
                copy(element, target, rest);
                array.add(target);
            }
        }
    }

    private static void remove(JsonNode from, List<String> parts) {
        if (!from.isObject()) {
            return;
        }
        String field = field(from, parts.get(0));
        if (field == null || (parts.size() == 1 && ALWAYS.contains(field))) {
            return;
        }
        if (parts.size() == 1) {
            ((ObjectNode) from).remove(field);
            return;
        }
        JsonNode value = from.get(field);
        if (value.isArray()) {
            value.forEach(element -> remove(element, parts.subList(1, parts.size())));
        } else {
            remove(value, parts.subList(1, parts.size()));
        }
    }

    private static String field(JsonNode node, String name) {
        if (!node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }
}
