package org.rollcall.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.util.TypeLiteral;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.AuthenticationRequest;

/** The identity providers the application has for one kind of request, to check their order. */
public final class IdentityProviders {

    private IdentityProviders() {
    }

    /** A lookup by the raw type would find none: the provider beans have generic types. */
    public static List<IdentityProvider<?>> of(Class<? extends AuthenticationRequest> requestType) {
        List<IdentityProvider<?>> providers = new ArrayList<>();
        for (var handle : Arc.container().select(new TypeLiteral<IdentityProvider<?>>() { }, Any.Literal.INSTANCE).handles()) {
            if (handle.get().getRequestType() == requestType) {
                providers.add(handle.get());
            }
        }
        return providers;
    }
}
