package org.rollcall.scim;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What Users and Groups share: meta, versions as weak ETags, list responses. */
final class ScimResources {

    private ScimResources() {
    }

    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    static void meta(ObjectNode node, String type, Instant created, Instant modified, long version, String location) {
        node.putObject("meta").put("resourceType", type).put("created", ScimJson.time(created))
                .put("lastModified", ScimJson.time(modified)).put("location", location).put("version", etag(version));
    }

    /** If-Match: refused with 412 unless it names the current version (or is "*"). */
    static void checkVersion(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = String.valueOf(version);
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(current)) {
                return;
            }
        }
        throw new ScimException(412, null, "The resource changed since version " + ifMatch.strip() + "; it is now "
                + etag(version) + ". Read it again and retry.");
    }

    static long version(JsonNode resource) {
        String tag = resource.path("meta").path("version").asText("W/\"0\"");
        return Long.parseLong(tag.substring(3, tag.length() - 1));
    }

    static ObjectNode listResponse(long total, int startIndex, List<ObjectNode> resources) {
        ObjectNode list = ScimJson.object();
        list.putArray("schemas").add(ScimJson.LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }
}
