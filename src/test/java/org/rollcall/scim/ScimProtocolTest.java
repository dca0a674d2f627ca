package org.rollcall.scim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The protocol around the resources: authentication, errors, versions, filters, paging and attributes. */
@QuarkusTest
class ScimProtocolTest {

    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Inject
    ProvisioningClients clients;
    ScimClients.Client client;

    @BeforeEach
    void client() {
        client = ScimClients.create(clients);
    }

    @Test
    void onlyProvisioningClientsGetIn() {
        given().get("/scim/v2/Users").then().statusCode(401).contentType("application/scim+json")
                .body("schemas", contains(ScimErrors.ERROR_SCHEMA)).body("status", equalTo("401"));
        given().header("Authorization", "Bearer rcscim_wrong").get("/scim/v2/Users").then().statusCode(401);
        given().auth().preemptive().basic("someone-else", client.secret()).get("/scim/v2/Users").then().statusCode(401);
        // a user's login or personal token does not work under /scim, the client's secret nowhere else
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).get("/scim/v2/Users").then().statusCode(401);
        Api.asAdmin().get("/scim/v2/Users").then().statusCode(401);
        client.bearer().get("/api/users").then().statusCode(401);
        client.basic().get("/api/users").then().statusCode(401);
        client.bearer().get("/scim/v2/Users").then().statusCode(200);
        client.basic().get("/scim/v2/Users").then().statusCode(200);
    }

    @Test
    void theClientCredentialsGrantGivesAShortLivedTokenThatRevocationEnds() {
        String token = given().auth().preemptive().basic(client.name(), client.secret()).formParam("grant_type", "client_credentials")
                .post("/scim/v2/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600)).extract().path("access_token");
        given().formParam("grant_type", "client_credentials").formParam("client_id", client.name())
                .formParam("client_secret", client.secret()).post("/scim/v2/token").then().statusCode(200);
        given().formParam("grant_type", "client_credentials").formParam("client_id", client.name())
                .formParam("client_secret", "rcscim_wrong").post("/scim/v2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(client.name(), client.secret()).formParam("grant_type", "password")
                .post("/scim/v2/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().header("Authorization", "Bearer " + token).get("/scim/v2/ServiceProviderConfig").then().statusCode(200)
                .body("patch.supported", equalTo(true)).body("bulk.supported", equalTo(false));
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);

        clients.revoke(Actor.SYSTEM, client.name());
        given().header("Authorization", "Bearer " + token).get("/scim/v2/Users").then().statusCode(401);
        client.bearer().get("/scim/v2/Users").then().statusCode(401);
        Api.asAdmin().queryParam("action", "scim-client.revoke").get("/api/audit").then().statusCode(200)
                .body("items.target", org.hamcrest.Matchers.hasItem(client.name()));
    }

    @Test
    void malformedInputIsA400NeverA500AndChangesNothing() {
        client.bearer().body("{\"userName\": ").post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidSyntax"));
        client.bearer().body("[1,2]").post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidSyntax"));
        client.bearer().queryParam("filter", "userName eq").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        client.bearer().queryParam("filter", "(userName eq \"a\"").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        client.bearer().queryParam("filter", "nickName eq \"a\"").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        client.bearer().queryParam("filter", "meta.lastModified gt \"yesterday\"").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        client.bearer().queryParam("count", "many").get("/scim/v2/Users").then().statusCode(400);
        String userName = Api.unique("weak");
        client.bearer().body("{\"schemas\":[\"" + ScimJson.CORE_USER + "\"],\"userName\":\"" + userName + "\",\"password\":\"short\"}")
                .post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("at least 8"));
        client.bearer().body("{\"schemas\":[\"" + ScimJson.CORE_USER + "\"],\"userName\":\"bad name!\"}")
                .post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidValue"));
        client.bearer().queryParam("filter", "userName eq \"" + userName + "\"").get("/scim/v2/Users").then().body("totalResults", equalTo(0));
        String id = ScimEntraBehaviourTest.createUser(client, Api.unique("p"), null);
        client.bearer().body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"merge\",\"path\":\"active\",\"value\":false}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(400);
        client.bearer().body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"9\"}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(400).body("scimType", equalTo("mutability"));
        client.bearer().body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(400).body("scimType", equalTo("invalidValue"));
        client.bearer().get("/scim/v2/Users/" + id).then().body("active", equalTo(true));
        client.bearer().get("/scim/v2/Users/not-an-id").then().statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String id = ScimEntraBehaviourTest.createUser(client, Api.unique("v"), null);
        String etag = client.bearer().get("/scim/v2/Users/" + id).then().statusCode(200).extract().header("ETag");
        client.bearer().header("If-Match", etag).body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"First\"}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(204).header("ETag", not(equalTo(etag)));
        client.bearer().header("If-Match", etag).body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Second\"}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(412);
        client.bearer().header("If-Match", etag).delete("/scim/v2/Users/" + id).then().statusCode(412);
        client.bearer().get("/scim/v2/Users/" + id).then().body("displayName", equalTo("First")).body("active", equalTo(true));
    }

    @Test
    void deleteDisablesByDefaultSoTheSchoolKeepsTheRecord() {
        String id = ScimEntraBehaviourTest.createUser(client, Api.unique("gone"), null);
        client.bearer().delete("/scim/v2/Users/" + id).then().statusCode(204);
        client.bearer().get("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void renamingKeepsTheIdAndTheUserCanStillBeFoundByIt() {
        String id = ScimEntraBehaviourTest.createUser(client, Api.unique("old"), null);
        String renamed = Api.unique("new");
        client.bearer().body("{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + renamed + "\"}]}")
                .patch("/scim/v2/Users/" + id).then().statusCode(204);
        client.bearer().get("/scim/v2/Users/" + id).then().body("userName", equalTo(renamed));
        Api.asAdmin().get("/api/users/" + renamed).then().statusCode(200);
    }

    @Test
    void filtersPagingSortingAndAttributes() {
        String prefix = Api.unique("flt");
        List<String> ids = List.of(ScimEntraBehaviourTest.createUser(client, prefix + "-c", null),
                ScimEntraBehaviourTest.createUser(client, prefix + "-a", null), ScimEntraBehaviourTest.createUser(client, prefix + "-b", null));
        client.bearer().queryParam("filter", "userName sw \"" + prefix + "\" and not (userName ew \"-b\")").queryParam("sortBy", "userName")
                .queryParam("sortOrder", "descending").get("/scim/v2/Users").then().statusCode(200)
                .body("Resources.userName", contains(prefix + "-c", prefix + "-a"));
        client.bearer().queryParam("filter", "emails[type eq \"work\" and value co \"" + prefix + "-a@\"]").get("/scim/v2/Users")
                .then().body("Resources.id", contains(ids.get(1)));
        client.bearer().queryParam("filter", "(userName eq \"" + prefix + "-a\" or userName eq \"" + prefix + "-b\") and active eq true"
                + " and meta.lastModified gt \"2000-01-01T00:00:00Z\" and emails.value pr").queryParam("sortBy", "userName")
                .queryParam("startIndex", "2").queryParam("count", "1").queryParam("attributes", "userName")
                .get("/scim/v2/Users").then().body("totalResults", equalTo(2)).body("startIndex", equalTo(2))
                .body("itemsPerPage", equalTo(1)).body("Resources[0].userName", equalTo(prefix + "-b"))
                .body("Resources[0]", not(hasKey("emails"))).body("Resources[0].id", equalTo(ids.get(2)));
        client.bearer().body("{\"schemas\":[\"" + ScimJson.SEARCH_REQUEST + "\"],\"filter\":\"userName sw \\\"" + prefix
                + "\\\"\",\"excludedAttributes\":[\"emails\",\"meta\"],\"count\":10}").post("/scim/v2/Users/.search")
                .then().statusCode(200).body("totalResults", equalTo(3)).body("Resources.emails", everyItem(nullValue()))
                .body("Resources.meta", everyItem(nullValue()));
        client.bearer().body("{\"schemas\":[\"" + ScimJson.SEARCH_REQUEST + "\"],\"filter\":\"userName sw \\\"" + prefix + "\\\"\"}")
                .post("/scim/v2/.search").then().statusCode(200).body("totalResults", equalTo(3));
    }

    @Test
    void discoveryNamesOnlyWhatIsSupported() {
        client.bearer().get("/scim/v2/ResourceTypes").then().statusCode(200).body("Resources.name", contains("User", "Group"));
        client.bearer().get("/scim/v2/Schemas").then().statusCode(200)
                .body("Resources.id", contains(ScimJson.CORE_USER, ScimJson.CORE_GROUP, ScimJson.ROLLCALL_USER, ScimJson.ROLLCALL_GROUP));
        client.bearer().get("/scim/v2/Schemas/" + ScimJson.CORE_USER).then().statusCode(200)
                .body("attributes.name", org.hamcrest.Matchers.hasItems("userName", "emails", "active", "password"))
                .body("attributes.name", not(org.hamcrest.Matchers.hasItem("addresses")));
        client.bearer().get("/scim/v2/ServiceProviderConfig").then().body("filter.maxResults", equalTo(1000))
                .body("etag.supported", equalTo(true)).body("sort.supported", equalTo(true));
    }
}
