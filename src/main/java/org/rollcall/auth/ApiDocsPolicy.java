package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.common.RollcallConfig;
import org.rollcall.user.Role;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The OpenAPI document and Swagger UI map every endpoint: admins only, unless
 * ROLLCALL_API_DOCS_PUBLIC=true makes them public (dev and test keep them open). Applied to
 * /q/openapi and /q/swagger-ui by quarkus.http.auth.permission.api-docs.
 */
@ApplicationScoped
public class ApiDocsPolicy implements HttpSecurityPolicy {

    @Inject
    RollcallConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (config.apiDocs().open()) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(who -> who.hasRole(Role.ADMIN_NAME) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "api-docs";
    }
}
