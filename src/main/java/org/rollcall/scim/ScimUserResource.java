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

/** {@code /scim/v2/Users} (RFC 7644). Authenticated by {@link ScimAuthentication}; thin over {@link ScimUsers}. */
@Path("/scim/v2/Users")
@PermitAll
@Produces({ ScimJson.MEDIA_TYPE, "application/json" })
public class ScimUserResource {

    @Inject
    ScimUsers users;
    @Inject
    ScimCaller caller;
    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ListQuery query = ListQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes);
        return ok(users.list(caller.client(), query, base(uri)));
    }

    @POST
    @Path(".search")
    public Response search(String body) {
        return ok(users.list(caller.client(), ScimDiscoveryResource.searchQuery(body), base(uri)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ObjectNode user = users.get(caller.client(), id, base(uri));
        return resource(200, ScimProjection.apply(user, ScimJson.CORE_USER, ScimProjection.list(attributes),
                ScimProjection.list(excludedAttributes)), user);
    }

    @POST
    public Response create(String body) {
        ObjectNode user = users.create(caller.client(), ScimJson.parseObject(body), base(uri));
        return Response.fromResponse(resource(201, user, user)).header("Location", user.path("meta").path("location").asText()).build();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ObjectNode user = users.replace(caller.client(), id, ScimJson.parseObject(body), ifMatch, base(uri));
        return resource(200, user, user);
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ObjectNode user = users.patch(caller.client(), id, ScimJson.parseObject(body), ifMatch, base(uri));
        // RFC 7644 section 3.5.2 allows 204 with the new version; the resource is a GET away
        return Response.noContent().header("ETag", user.path("meta").path("version").asText()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        users.delete(caller.client(), id, ifMatch);
        return Response.noContent().build();
    }

    static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root : root + "/") + "scim/v2";
    }

    static Response ok(ObjectNode body) {
        return Response.ok(ScimJson.write(body)).type(ScimJson.MEDIA_TYPE).build();
    }

    static Response resource(int status, ObjectNode shown, ObjectNode full) {
        return Response.status(status).type(ScimJson.MEDIA_TYPE).entity(ScimJson.write(shown))
                .header("ETag", full.path("meta").path("version").asText()).build();
    }
}
