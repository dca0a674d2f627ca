package org.rollcall.scim;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Discovery (RFC 7644 section 4): what this service supports, and nothing it does not. Also the
 * search across both resource types, {@code POST /scim/v2/.search}.
 */
@Path("/scim/v2")
@PermitAll
@Produces({ ScimJson.MEDIA_TYPE, "application/json" })
public class ScimDiscoveryResource {

    @Inject
    ScimCaller caller;
    @Inject
    ScimUsers users;
    @Inject
    ScimGroups groups;
    @Context
    UriInfo uri;

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        caller.client();
        String base = ScimUserResource.base(uri);
        ObjectNode config = ScimJson.object();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.put("documentationUri", "https://github.com/rollcall/rollcall/blob/main/docs/scim.md");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", ListQuery.MAX_COUNT);
        config.putObject("changePassword").put("supported", true);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        ArrayNode schemes = config.putArray("authenticationSchemes");
        schemes.addObject().put("type", "oauthbearertoken").put("name", "Bearer token")
                .put("description", "The provisioning client's secret, or an access token from " + base + "/token"
                        + " (OAuth 2.0 client-credentials grant), as Authorization: Bearer.")
                .put("primary", true);
        schemes.addObject().put("type", "httpbasic").put("name", "HTTP Basic")
                .put("description", "The provisioning client's name and secret.");
        config.putObject("meta").put("resourceType", "ServiceProviderConfig").put("location", base + "/ServiceProviderConfig");
        return ScimUserResource.ok(config);
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        caller.client();
        List<ObjectNode> types = List.of(resourceType("User", "/Users", ScimJson.CORE_USER, ScimJson.ROLLCALL_USER),
                resourceType("Group", "/Groups", ScimJson.CORE_GROUP, ScimJson.ROLLCALL_GROUP));
        return ScimUserResource.ok(ScimResources.listResponse(types.size(), 1, types));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        caller.client();
        if (name.equals("User")) {
            return ScimUserResource.ok(resourceType("User", "/Users", ScimJson.CORE_USER, ScimJson.ROLLCALL_USER));
        }
        if (name.equals("Group")) {
            return ScimUserResource.ok(resourceType("Group", "/Groups", ScimJson.CORE_GROUP, ScimJson.ROLLCALL_GROUP));
        }
        throw ScimException.notFound("No resource type '" + name + "'.");
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        caller.client();
        List<ObjectNode> all = ScimSchemas.all(ScimUserResource.base(uri));
        return ScimUserResource.ok(ScimResources.listResponse(all.size(), 1, all));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        caller.client();
        return ScimSchemas.all(ScimUserResource.base(uri)).stream().filter(s -> s.path("id").asText().equals(id)).findFirst()
                .map(ScimUserResource::ok).orElseThrow(() -> ScimException.notFound("No schema '" + id + "'."));
    }

    /** Searches users, then classes, with one filter; a filter on an attribute only one type has finds only that type. */
    @POST
    @Path(".search")
    public Response searchAll(String body) {
        ListQuery query = searchQuery(body);
        String base = ScimUserResource.base(uri);
        ListQuery counting = new ListQuery(query.filter(), null, false, 1, 0, List.of(), List.of());
        long userTotal = total(() -> users.list(caller.client(), counting, base));
        long classTotal = total(() -> groups.list(caller.client(), counting, base));
        List<ObjectNode> page = new ArrayList<>();
        int start = query.startIndex();
        if (query.count() > 0 && start <= userTotal) {
            ListQuery userPage = new ListQuery(query.filter(), null, false, start, query.count(), query.attributes(), query.excludedAttributes());
            users.list(caller.client(), userPage, base).path("Resources").forEach(r -> page.add((ObjectNode) r));
        }
        int left = query.count() - page.size();
        if (left > 0 && classTotal > 0) {
            int classStart = (int) Math.max(1, start - userTotal);
            ListQuery classPage = new ListQuery(query.filter(), null, false, classStart, left, query.attributes(), query.excludedAttributes());
            groups.list(caller.client(), classPage, base).path("Resources").forEach(r -> page.add((ObjectNode) r));
        }
        return ScimUserResource.ok(ScimResources.listResponse(userTotal + classTotal, start, page));
    }

    private static long total(java.util.function.Supplier<ObjectNode> list) {
        try {
            return list.get().path("totalResults").asLong();
        } catch (ScimException e) {
            if ("invalidFilter".equals(e.scimType()) && e.getMessage().startsWith("Filtering on")) {
                return 0;
            }
            throw e;
        }
    }

    /** A SearchRequest body (RFC 7644 section 3.4.3) as list parameters. */
    static ListQuery searchQuery(String body) {
        ObjectNode request = ScimJson.parseObject(body);
        JsonNode schemas = request.get("schemas");
        if (schemas == null || !schemas.toString().contains(ScimJson.SEARCH_REQUEST)) {
            throw ScimException.invalidSyntax("A search body must name the schema " + ScimJson.SEARCH_REQUEST + ".");
        }
        return ListQuery.of(text(request, "filter"), text(request, "sortBy"), text(request, "sortOrder"), text(request, "startIndex"),
                text(request, "count"), joined(request, "attributes"), joined(request, "excludedAttributes"));
    }

    private static String text(ObjectNode request, String name) {
        JsonNode value = ScimJson.get(request, name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String joined(ObjectNode request, String name) {
        JsonNode value = ScimJson.get(request, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(",", parts);
        }
        return value.asText();
    }

    private ObjectNode resourceType(String name, String endpoint, String schema, String extension) {
        ObjectNode type = ScimJson.object();
        type.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        type.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema)
                .put("description", name.equals("User") ? "A Rollcall user" : "A Rollcall class");
        type.putArray("schemaExtensions").addObject().put("schema", extension).put("required", false);
        type.putObject("meta").put("resourceType", "ResourceType").put("location", ScimUserResource.base(uri) + "/ResourceTypes/" + name);
        return type;
    }
}
