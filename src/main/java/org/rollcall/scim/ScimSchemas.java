package org.rollcall.scim;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The schemas this service serves (RFC 7643 section 7), with only the attributes it keeps. */
final class ScimSchemas {

    private ScimSchemas() {
    }

    static List<ObjectNode> all(String base) {
        ObjectNode user = schema(base, ScimJson.CORE_USER, "User", "User Account");
        ArrayNode u = user.putArray("attributes");
        u.add(string("userName", "Unique username: letters, digits, '.', '_' and '-'; stored in lower case.", true, "readWrite", "server", false));
        u.add(complex("name", "The user's name; Rollcall keeps one, the display name.", false,
                string("formatted", "The display name.", false, "readWrite", "none", false),
                string("givenName", "Joined with familyName into the display name when none is given; not kept separately.", false, "writeOnly", "none", false),
                string("familyName", "See givenName.", false, "writeOnly", "none", false)));
        u.add(string("displayName", "The display name.", false, "readWrite", "none", false));
        ObjectNode emails = complex("emails", "One email address (the primary, else the first, is kept); unique when present.", true,
                string("value", "The address, stored in lower case.", false, "readWrite", "server", false),
                string("type", "Always work.", false, "readOnly", "none", false),
                attribute("primary", "boolean", "Always true.", false, "readOnly", "none", false));
        u.add(emails);
        u.add(attribute("active", "boolean", "Whether the account may log in.", false, "readWrite", "none", false));
        u.add(string("password", "Write-only; at least 8 characters and at most 72 bytes.", false, "writeOnly", "none", false).put("returned", "never"));
        ObjectNode groups = complex("groups", "The classes the user is in.", true,
                string("value", "The class's id.", false, "readOnly", "none", false),
                attribute("$ref", "reference", "The class.", false, "readOnly", "none", false),
                string("display", "The class's name.", false, "readOnly", "none", false),
                string("type", "Always direct.", false, "readOnly", "none", false));
        groups.put("mutability", "readOnly");
        u.add(groups);

        ObjectNode group = schema(base, ScimJson.CORE_GROUP, "Group", "A class");
        ArrayNode g = group.putArray("attributes");
        g.add(string("displayName", "The class's name.", true, "readWrite", "none", false));
        g.add(complex("members", "The class's members: users, by id.", true,
                string("value", "The user's id.", false, "immutable", "none", false),
                attribute("$ref", "reference", "The user.", false, "immutable", "none", false),
                string("display", "The user's display name.", false, "readOnly", "none", false),
                string("type", "Always User.", false, "immutable", "none", false)));

        ObjectNode userExtension = schema(base, ScimJson.ROLLCALL_USER, "RollcallUser", "Rollcall's account attributes");
        ArrayNode ue = userExtension.putArray("attributes");
        ue.add(string("role", "admin, teacher or student (student when a new user names none).", false, "readWrite", "none", false)
                .set("canonicalValues", ue.arrayNode().add("admin").add("teacher").add("student")));
        ue.add(attribute("mustChangePassword", "boolean", "The user must choose a new password at next login.", false, "readOnly", "none", false));

        ObjectNode groupExtension = schema(base, ScimJson.ROLLCALL_GROUP, "RollcallClass", "Rollcall's class attributes");
        ArrayNode ge = groupExtension.putArray("attributes");
        ge.add(string("code", "Unique short code such as CSA; made from displayName when a new class names none.", false, "readWrite", "server", false));
        ge.add(string("term", "Such as 2025-26; the current school year when a new class names none.", false, "readWrite", "none", false));
        ge.add(string("period", "Optional period.", false, "readWrite", "none", false));
        ge.add(string("description", "Optional description.", false, "readWrite", "none", false));
        ge.add(complex("teachers", "The members who teach the class; the others are its students. A student account cannot teach.", true,
                string("value", "The user's id.", false, "readWrite", "none", false)));
        return List.of(user, group, userExtension, groupExtension);
    }

    private static ObjectNode schema(String base, String id, String name, String description) {
        ObjectNode schema = ScimJson.object();
        schema.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        schema.put("id", id).put("name", name).put("description", description);
        schema.putObject("meta").put("resourceType", "Schema").put("location", base + "/Schemas/" + id);
        return schema;
    }

    private static ObjectNode string(String name, String description, boolean required, String mutability, String uniqueness,
            boolean caseExact) {
        return attribute(name, "string", description, required, mutability, uniqueness, false).put("caseExact", caseExact);
    }

    private static ObjectNode attribute(String name, String type, String description, boolean required, String mutability,
            String uniqueness, boolean multiValued) {
        ObjectNode attribute = ScimJson.object();
        attribute.put("name", name).put("type", type).put("multiValued", multiValued).put("description", description)
                .put("required", required).put("mutability", mutability).put("returned", "default").put("uniqueness", uniqueness);
        return attribute;
    }

    private static ObjectNode complex(String name, String description, boolean multiValued, ObjectNode... subAttributes) {
        ObjectNode attribute = attribute(name, "complex", description, false, "readWrite", "none", multiValued);
        ArrayNode subs = attribute.putArray("subAttributes");
        for (ObjectNode sub : subAttributes) {
            subs.add(sub);
        }
        return attribute;
    }
}
