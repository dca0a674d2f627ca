package org.rollcall.scim;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The externalIds a client gave its users and classes; each client sees and sets only its own. */
@ApplicationScoped
public class ExternalIds implements PanacheRepositoryBase<ExternalId, ExternalId.Key> {

    static final int MAX_LENGTH = 255;

    /** The {@code externalId} attribute of a filter: a resource of the type holding the calling client's externalId. */
    static ScimFilter.Attribute filterAttribute(String type) {
        return ScimFilter.Attribute.in("select x.key.resourceId from ExternalId x where x.key.clientId = :client and x.key.resourceType = '"
                + type + "'", "x.value", ScimFilter.Kind.EXACT);
    }

    String of(long clientId, String type, long resourceId) {
        ExternalId found = findById(new ExternalId.Key(clientId, type, resourceId));
        return found == null ? null : found.getValue();
    }

    Map<Long, String> of(long clientId, String type, Collection<Long> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Map.of();
        }
        List<ExternalId> found = list("key.clientId = ?1 and key.resourceType = ?2 and key.resourceId in ?3", clientId, type, resourceIds);
        return found.stream().collect(Collectors.toMap(e -> e.getKey().resourceId(), ExternalId::getValue));
    }

    /**
     * Sets (or, with null, clears) the client's externalId of a resource. Refused when another
     * {@code exists}ing resource of the type holds it; a mapping left by a resource deleted
     * outside SCIM is dropped.
     */
    /** @return whether it changed */
    boolean set(long clientId, String type, long resourceId, String externalId, java.util.function.LongPredicate exists) {
        ExternalId.Key key = new ExternalId.Key(clientId, type, resourceId);
        ExternalId current = findById(key);
        if (externalId == null) {
            if (current != null) {
                delete(current);
            }
            return current != null;
        }
        if (externalId.length() > MAX_LENGTH) {
            throw ScimException.invalidValue("externalId must be at most " + MAX_LENGTH + " characters");
        }
        if (current != null && current.getValue().equals(externalId)) {
            return false;
        }
        ExternalId holder = find("key.clientId = ?1 and key.resourceType = ?2 and digest = ?3", clientId, type, ProvisioningClients.digest(externalId)).firstResult();
        if (holder != null) {
            if (exists.test(holder.getKey().resourceId())) {
                throw ScimException.uniqueness("externalId '" + externalId + "' is already used by another " + type + ".");
            }
            delete(holder);
            flush();
        }
        if (current != null) {
            current.setValue(externalId);
        } else {
            persist(new ExternalId(key, externalId));
        }
        return true;
    }

    void forget(String type, long resourceId) {
        delete("key.resourceType = ?1 and key.resourceId = ?2", type, resourceId);
    }
}
