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

    /**
     * The providers for this kind of request other than {@code ours}, which ours must rank above.
     * A lookup by the raw type would find none: the provider beans have generic types.
     */
    public static List<IdentityProvider<?>> besides(Class<? extends IdentityProvider<?>> ours,
            Class<? extends AuthenticationRequest> requestType) {
        List<IdentityProvider<?>> providers = new ArrayList<>();
        for (var handle : Arc.container().select(new TypeLiteral<IdentityProvider<?>>() { }, Any.Literal.INSTANCE).handles()) {
            IdentityProvider<?> provider = handle.get();
            if (provider.getRequestType() == requestType && !ours.isInstance(provider)) {
                providers.add(provider);
            }
        }
        return providers;
    }
}
