package org.rollcall.scim;

import jakarta.enterprise.context.RequestScoped;

import org.rollcall.auth.Actor;
import org.rollcall.scim.ProvisioningClients.ClientView;

/** The provisioning client of the current /scim/v2 request, set by {@link ScimAuthentication}. */
@RequestScoped
public class ScimCaller {

    private ClientView client;

    void set(ClientView client) {
        this.client = client;
    }

    public ClientView client() {
        if (client == null) {
            throw new ScimException(401, null, "Authenticate as a provisioning client.");
        }
        return client;
    }

    public Actor actor() {
        return ProvisioningClients.actorOf(client());
    }
}
