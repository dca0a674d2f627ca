package org.rollcall.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code Idempotency-Key} on the API's create calls. The key is claimed, the call made and its
 * answer stored in ONE transaction: either the thing was created and its answer is on record, or
 * neither happened. So a client that got no answer, or a 500, retries with the same key and gets
 * the original answer (marked {@code Idempotent-Replayed: true}) instead of "already taken".
 * Answers are kept 24 hours, per caller; errors are not stored (nothing was written).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    @Inject
    IdempotencyStore store;
    @Inject
    CurrentActor actor;
    @Inject
    CurrentVertxRequest request;
    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext call) throws Exception {
        HttpServerRequest http = request.getCurrent() == null ? null : request.getCurrent().request();
        String key = http == null ? null : http.getHeader(HEADER);
        if (key == null) {
            return call.proceed();
        }
        checkKey(key);
        long caller = actor.get().id();
        String fingerprint = fingerprint(http.method().name() + " " + http.path(), call.getParameters());
        var earlier = store.find(caller, key);
        if (earlier.isPresent()) {
            return answer(earlier.get(), fingerprint);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                store.claim(caller, key, fingerprint);
                Response response = call.proceed() instanceof Response r ? r : null;
                if (response == null) {
                    throw new IllegalStateException("An @Idempotent method must return a Response");
                }
                store.complete(caller, key, new IdempotencyStore.Answer(fingerprint, response.getStatus(),
                        response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString(),
                        response.getLocation() == null ? null : response.getLocation().toString(), body(response)));
                return response;
            });
        } catch (IdempotencyStore.AlreadyClaimed raced) {
            // the same key came twice at once: the other request has committed by now
            return store.find(caller, key).map(a -> answer(a, fingerprint)).orElseThrow(
                    () -> DomainException.conflict("A request with this Idempotency-Key is still being processed; retry it shortly."));
        }
    }

    private static void checkKey(String key) {
        boolean visibleAscii = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw DomainException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID");
        }
    }

    private Response answer(IdempotencyStore.Answer stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw DomainException.conflict("This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).type(stored.contentType()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            replay.header("Location", stored.location());
        }
        return replay.entity(stored.body()).build();
    }

    private String body(Response response) throws JsonProcessingException {
        Object entity = response.getEntity();
        return entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
    }

    /** The method and path, and the call's arguments as JSON: the same request parsed the same way. */
    private String fingerprint(String target, Object[] arguments) throws JsonProcessingException {
        List<Object> data = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument == null || argument instanceof String || argument instanceof Number || argument instanceof Boolean
                    || argument instanceof Record || argument instanceof Map || argument instanceof Collection) {
                data.add(argument);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((target + "\n" + json.writeValueAsString(data)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
