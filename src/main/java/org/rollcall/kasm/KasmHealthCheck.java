package org.rollcall.kasm;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kasm in the readiness check, always UP: Rollcall serves teachers while Kasm is down (the outbox
 * keeps the changes), so an unreachable Kasm must not take instances out of a load balancer. Its
 * data says {@code kasm: degraded} with the reason, and how many events wait.
 */
@Readiness
@ApplicationScoped
public class KasmHealthCheck implements HealthCheck {

    @Inject
    KasmStatus status;
    @Inject
    KasmQueue queue;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kasm Workspaces sync").up();
        if (!status.enabled()) {
            return response.withData("kasm", "off").build();
        }
        KasmStatus.Probe probe = status.recentProbe();
        response.withData("kasm", probe.ok() ? "reachable" : "degraded");
        if (!probe.ok()) {
            response.withData("reason", probe.detail());
        }
        try {
            response.withData("waiting", queue.stats().waiting());
        } catch (SQLException e) {
            response.withData("waiting", "unknown");
        }
        return response.build();
    }
}
