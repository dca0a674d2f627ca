package org.rollcall.scim;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /scim/v2/Groups}: classes (RFC 7644). Authenticated by {@link ScimAuthentication}; thin over {@link ScimGroups}. */
@Path("/scim/v2/Groups")
@PermitAll
@Produces({ ScimJson.MEDIA_TYPE, "application/json" })
public class ScimGroupResource {

    @Inject
    ScimGroups groups;
    @Inject
    ScimCaller caller;
    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ListQuery query = ListQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes);
        return ScimUserResource.ok(groups.list(caller.client(), query, ScimUserResource.base(uri)));
    }

    @POST
    @Path(".search")
    public Response search(String body) {
        return ScimUserResource.ok(groups.list(caller.client(), ScimDiscoveryResource.searchQuery(body), ScimUserResource.base(uri)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ObjectNode group = groups.get(caller.client(), id, ScimUserResource.base(uri));
        return ScimUserResource.resource(200, ScimProjection.apply(group, ScimJson.CORE_GROUP, ScimProjection.list(attributes),
                ScimProjection.list(excludedAttributes)), group);
    }

    @POST
    public Response create(String body) {
        ObjectNode group = groups.create(caller.client(), ScimJson.parseObject(body), ScimUserResource.base(uri));
        return Response.fromResponse(ScimUserResource.resource(201, group, group)).header("Location", group.path("meta").path("location").asText()).build();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ObjectNode group = groups.replace(caller.client(), id, ScimJson.parseObject(body), ifMatch, ScimUserResource.base(uri));
        return ScimUserResource.resource(200, group, group);
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ObjectNode group = groups.patch(caller.client(), id, ScimJson.parseObject(body), ifMatch, ScimUserResource.base(uri));
        // RFC 7644 section 3.5.2 allows 204 with the new version; the resource is a GET away
        return Response.noContent().header("ETag", group.path("meta").path("version").asText()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        groups.delete(caller.client(), id, ifMatch);
        return Response.noContent().build();
    }
}
