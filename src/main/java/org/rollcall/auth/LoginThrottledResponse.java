package org.rollcall.auth;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.rollcall.common.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * A throttled HTTP Basic login fails before any resource runs; its challenge already set 429 and
 * Retry-After. This adds the problem+json body that says why and for how long.
 */
@ApplicationScoped
public class LoginThrottledResponse {

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            LoginThrottle.Refusal refusal = context.get(RollcallAuthMechanism.THROTTLED);
            if (refusal == null || context.response().ended()) {
                context.next();
                return;
            }
            Problem problem = Problem.of(429, "Too many failed logins", refusal.message(), context.normalizedPath(), List.of());
            try {
                context.response().setStatusCode(429)
                        .putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()))
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.next();
            }
        });
    }
}
