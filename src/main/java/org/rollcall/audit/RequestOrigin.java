package org.rollcall.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Where the current request comes from, for the audit log: the client address (the one a trusted
 * proxy forwarded, see ROLLCALL_TRUSTED_PROXIES), or "shell" for commands run at a console.
 */
@RequestScoped
public class RequestOrigin {

    public static final String SHELL = "shell";

    private String address;

    /** The address of the request being served, or {@link #SHELL} outside an HTTP request. */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return SHELL;
        }
        String address = Arc.container().instance(RequestOrigin.class).get().address;
        return address == null ? SHELL : address;
    }

    /**
     * The client's address. When a trusted proxy forwarded the request (Quarkus then reports an
     * address other than the connection's), it is the LAST X-Forwarded-For entry: the one that
     * proxy saw. Earlier entries come from the client and may be made up (an AWS ALB appends).
     */
    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        SocketAddress peer = request.connection() == null ? remote : request.connection().remoteAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor != null && remote != null && peer != null && !remote.hostAddress().equals(peer.hostAddress())) {
            String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /** Fills the holder for every JAX-RS request (API and pages). */
    public static class Filter {

        @Inject
        RequestOrigin origin;

        @ServerRequestFilter(preMatching = true)
        public void capture(HttpServerRequest request) {
            origin.address = of(request);
        }
    }
}
