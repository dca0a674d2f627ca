package org.rollcall.scim;

import static io.restassured.RestAssured.given;

import org.rollcall.auth.Actor;
import org.rollcall.support.Api;

import io.restassured.specification.RequestSpecification;

/** Test helpers: a fresh provisioning client, and requests made as it. */
final class ScimClients {

    private ScimClients() {
    }

    record Client(String name, String secret) {
        RequestSpecification bearer() {
            return given().contentType("application/scim+json").header("Authorization", "Bearer " + secret);
        }

        RequestSpecification basic() {
            return given().contentType("application/scim+json").auth().preemptive().basic(name, secret);
        }
    }

    static Client create(ProvisioningClients clients) {
        String name = Api.unique("idp");
        ProvisioningClients.CreatedClient created = clients.create(Actor.SYSTEM, name);
        return new Client(name, created.secret());
    }
}
