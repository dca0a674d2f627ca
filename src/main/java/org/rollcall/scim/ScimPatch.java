package org.rollcall.scim;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * A PATCH request (RFC 7644 section 3.5.2) applied to a resource's current representation, by the
 * UnboundID SDK's patch operations; the result is then stored as a PUT would be, through the same
 * business rules. Accepts what identity providers send: op names in any case ("Replace", Entra ID),
 * and a remove of {@code members} whose value lists the members to remove (Entra ID again), which
 * the RFC would read as removing all members.
 */
final class ScimPatch {

    private ScimPatch() {
    }

    /** The operations of a PATCH body, checked before the resource is looked up: a malformed request is 400 whether or not it exists. */
    static List<PatchOperation> parse(String coreUrn, ObjectNode body) {
        JsonNode schemas = body.get("schemas");
        boolean patchSchema = schemas != null && schemas.isArray() && schemas.size() == 1 && ScimJson.PATCH_OP.equals(schemas.get(0).asText());
        if (!patchSchema) {
            throw org.rollcall.scim.ScimException.invalidSyntax("A PATCH body must name the schema " + ScimJson.PATCH_OP + ".");
        }
        JsonNode operations = ScimJson.get(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw org.rollcall.scim.ScimException.invalidSyntax("A PATCH body needs a non-empty Operations array.");
        }
        ArrayNode normalised = body.arrayNode();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw org.rollcall.scim.ScimException.invalidSyntax("Each operation must be an object.");
            }
            normalise((ObjectNode) operation.deepCopy(), normalised);
        }
        ObjectNode request = body.objectNode();
        request.putArray("schemas").add(ScimJson.PATCH_OP);
        request.set("Operations", normalised);
        List<PatchOperation> parsed;
        try {
            parsed = JsonUtils.getObjectReader().forType(PatchRequest.class).<PatchRequest>readValue(request).getOperations();
        } catch (java.io.IOException | RuntimeException e) {
            throw org.rollcall.scim.ScimException.invalidSyntax("The PATCH operations are not valid: " + firstLine(e.getMessage()));
        }
        for (PatchOperation operation : parsed) {
            if (operation.getPath() != null) {
                ScimAttributes.checkPatchPath(coreUrn, operation.getPath());
            } else if (operation.getJsonNode() != null && !operation.getJsonNode().isObject()) {
                throw org.rollcall.scim.ScimException.invalidSyntax("An operation without a path needs an object as its value.");
            }
        }
        return parsed;
    }

    static ObjectNode apply(ObjectNode resource, List<PatchOperation> operations) {
        ObjectNode patched = resource.deepCopy();
        for (PatchOperation operation : operations) {
            try {
                operation.apply(patched);
            } catch (ScimException e) {
                String type = e.getScimError().getScimType();
                throw new org.rollcall.scim.ScimException(400, type == null ? "invalidValue" : type, e.getMessage());
            } catch (IllegalArgumentException | ClassCastException e) {
                // a value of the wrong shape for its path (an object where a list is, ...): the request's fault
                throw org.rollcall.scim.ScimException.invalidValue("The operation does not fit the resource: " + e.getMessage());
            }
        }
        return patched;
    }

    private static void normalise(ObjectNode operation, ArrayNode into) {
        JsonNode op = ScimJson.get(operation, "op");
        if (op == null || !op.isTextual()) {
            throw org.rollcall.scim.ScimException.invalidSyntax("Each operation needs an op: add, replace or remove.");
        }
        String name = op.textValue().toLowerCase(Locale.ROOT);
        if (!List.of("add", "replace", "remove").contains(name)) {
            throw org.rollcall.scim.ScimException.invalidSyntax("Unknown op '" + op.textValue() + "': use add, replace or remove.");
        }
        ObjectNode clean = operation.objectNode();
        clean.put("op", name);
        JsonNode path = ScimJson.get(operation, "path");
        JsonNode value = ScimJson.get(operation, "value");
        if (path != null && !path.isNull()) {
            if (!path.isTextual() || path.textValue().isBlank()) {
                throw org.rollcall.scim.ScimException.invalidPath("An operation's path must name an attribute.");
            }
            clean.set("path", path);
        }
        if (name.equals("remove") && value != null && value.isArray() && path != null && path.isTextual()
                && path.textValue().equalsIgnoreCase("members")) {
            for (JsonNode member : value) {
                JsonNode id = ScimJson.get(member, "value");
                if (id == null || !id.isTextual()) {
                    throw org.rollcall.scim.ScimException.invalidValue("Each member to remove needs a value (the user's id).");
                }
                ObjectNode one = operation.objectNode();
                one.put("op", "remove");
                one.put("path", "members[value eq \"" + id.textValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
                into.add(one);
            }
            return;
        }
        if (!name.equals("remove")) {
            if (value == null) {
                throw org.rollcall.scim.ScimException.invalidSyntax("The " + name + " operation needs a value.");
            }
            clean.set("value", value);
        }
        into.add(clean);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
