package org.rollcall.scim;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** What Microsoft Entra ID's provisioning relies on, as it sends it. */
@QuarkusTest
class ScimEntraBehaviourTest {

    @Inject
    ProvisioningClients clients;
    ScimClients.Client entra;

    @BeforeEach
    void client() {
        entra = ScimClients.create(clients);
    }

    @Test
    void userNameFilterForAUserThatDoesNotExistIsAnEmptyList() {
        entra.bearer().queryParam("filter", "userName eq \"" + Api.unique("nobody") + "\"").get("/scim/v2/Users")
                .then().statusCode(200).contentType("application/scim+json")
                .body("schemas", contains(ScimJson.LIST_RESPONSE)).body("totalResults", equalTo(0))
                .body("Resources", empty());
    }

    @Test
    void userNameFilterFindsTheUserWhateverTheCase() {
        String id = createUser(entra, Api.unique("Finn"), "ext-" + Api.unique("x"));
        String userName = entra.bearer().get("/scim/v2/Users/" + id).then().extract().path("userName");
        entra.bearer().queryParam("filter", "userName eq \"" + userName.toUpperCase() + "\"").get("/scim/v2/Users")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
    }

    @Test
    void replaceActiveWithTheStringFalseDisablesAndIsAuditedAsTheClient() {
        String id = createUser(entra, Api.unique("leaver"), null);
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""")
                .patch("/scim/v2/Users/" + id).then().statusCode(204);
        String userName = entra.bearer().get("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(false))
                .extract().path("userName");
        Api.asAdmin().get("/api/users/" + userName).then().body("user.enabled", equalTo(false));
        Api.asAdmin().queryParam("action", "user.update").queryParam("size", 200).get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.target == '" + userName + "' }.actor", hasItem("scim:" + entra.name()));
        // and back, as Entra sends a re-enable: the whole value object, a JSON boolean
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":true}}]}""")
                .patch("/scim/v2/Users/" + id).then().statusCode(204);
        entra.bearer().get("/scim/v2/Users/" + id).then().body("active", equalTo(true));
    }

    @Test
    void externalIdRoundTripsAndIsTheClientsOwn() {
        String externalId = "8f2c-" + Api.unique("oid");
        String id = createUser(entra, Api.unique("ext"), externalId);
        entra.bearer().get("/scim/v2/Users/" + id).then().body("externalId", equalTo(externalId));
        entra.bearer().queryParam("filter", "externalId eq \"" + externalId + "\"").get("/scim/v2/Users")
                .then().body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        // externalId is case-exact
        entra.bearer().queryParam("filter", "externalId eq \"" + externalId.toUpperCase() + "\"").get("/scim/v2/Users")
                .then().body("totalResults", equalTo(0));
        // another client sees the user but not this client's externalId, and may use the same value for its own
        ScimClients.Client okta = ScimClients.create(clients);
        okta.basic().get("/scim/v2/Users/" + id).then().statusCode(200).body("externalId", nullValue());
        okta.basic().queryParam("filter", "externalId eq \"" + externalId + "\"").get("/scim/v2/Users")
                .then().body("totalResults", equalTo(0));
        // a second user of the same client cannot take it
        entra.bearer().body(userBody(Api.unique("dup"), externalId)).post("/scim/v2/Users")
                .then().statusCode(409).body("scimType", equalTo("uniqueness"));
        // PATCH replaces it
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"externalId","value":"new-%s"}]}""".formatted(externalId))
                .patch("/scim/v2/Users/" + id).then().statusCode(204);
        entra.bearer().get("/scim/v2/Users/" + id).then().body("externalId", equalTo("new-" + externalId));
        String userName = entra.bearer().get("/scim/v2/Users/" + id).then().extract().path("userName");
        Api.asAdmin().queryParam("action", "user.update").queryParam("size", 200).get("/api/audit").then()
                .body("items.findAll { it.target == '" + userName + "' && it.details == 'externalId changed' }.actor",
                        hasItem("scim:" + entra.name()));
    }

    @Test
    void groupMembersAreAddedAndRemovedByPatchInBatches() {
        List<String> students = List.of(createUser(entra, Api.unique("s"), null), createUser(entra, Api.unique("s"), null),
                createUser(entra, Api.unique("s"), null));
        String group = entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Year 9 Computing","externalId":"g-%s"}"""
                .formatted(Api.unique("g"))).post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}]}"""
                .formatted(students.get(0), students.get(1), students.get(2)))
                .patch("/scim/v2/Groups/" + group).then().statusCode(204);
        entra.bearer().get("/scim/v2/Groups/" + group).then()
                .body("members.value", containsInAnyOrder(students.toArray()));
        // Entra ID removes with a value list; the RFC's value filter works too
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Remove","path":"members","value":[{"value":"%s"}]},
                               {"op":"remove","path":"members[value eq \\"%s\\"]"}]}"""
                .formatted(students.get(0), students.get(1)))
                .patch("/scim/v2/Groups/" + group).then().statusCode(204);
        entra.bearer().get("/scim/v2/Groups/" + group).then().body("members.value", contains(students.get(2)));
        String code = entra.bearer().get("/scim/v2/Groups/" + group).then().extract()
                .path("'" + ScimJson.ROLLCALL_GROUP + "'.code");
        Api.asAdmin().get("/api/groups/" + code).then().statusCode(200).body("members", hasSize(1))
                .body("members[0].role", equalTo("student"));
        entra.bearer().queryParam("filter", "members[value eq \"" + students.get(2) + "\"]").get("/scim/v2/Groups")
                .then().body("Resources.id", contains(group));
    }

    @Test
    void aStudentAccountCannotTeachAndNothingChanges() {
        String student = createUser(entra, Api.unique("st"), null);
        String group = entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Art"}""")
                .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        entra.bearer().body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]},
                               {"op":"add","path":"%s:teachers","value":[{"value":"%s"}]}]}"""
                .formatted(student, ScimJson.ROLLCALL_GROUP, student))
                .patch("/scim/v2/Groups/" + group).then().statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", org.hamcrest.Matchers.containsString("a student cannot teach"));
        entra.bearer().get("/scim/v2/Groups/" + group).then().body("members", empty());
    }

    static String createUser(ScimClients.Client client, String userName, String externalId) {
        return client.bearer().body(userBody(userName, externalId)).post("/scim/v2/Users").then().statusCode(201)
                .header("ETag", org.hamcrest.Matchers.startsWith("W/\"")).extract().path("id");
    }

    static String userBody(String userName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",%s
                 "name":{"givenName":"Ada","familyName":"Lovelace"},"active":true,
                 "emails":[{"value":"%s@example.org","type":"work","primary":true}]}"""
                .formatted(userName, externalId == null ? "" : "\"externalId\":\"" + externalId + "\",", userName);
    }
}
