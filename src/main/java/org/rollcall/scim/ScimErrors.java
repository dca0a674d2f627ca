package org.rollcall.scim;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rollcall.common.DomainException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Errors under /scim/v2 in the SCIM error schema (RFC 7644 section 3.12). The application's one
 * error path ({@code web/ErrorMapper}) hands every failure under /scim here, so a refused business
 * rule, malformed JSON or an unexpected failure all answer in this form.
 */
public class ScimErrors {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static boolean isScim(String path) {
        return path != null && (path.equals("/scim") || path.startsWith("/scim/"));
    }

    @ServerExceptionMapper
    public Response scim(ScimException e) {
        return response(e.status(), e.scimType(), e.getMessage());
    }

    public static Response response(int status, String scimType, String detail) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return Response.status(status).type(ScimJson.MEDIA_TYPE).entity(ScimJson.write(body)).build();
    }

    /** A business rule's refusal in SCIM terms: a taken username or code is {@code uniqueness}, other invalid input {@code invalidValue}. */
    public static Response domain(int status, String detail, List<DomainException.FieldError> errors) {
        String message = errors.isEmpty() ? detail
                : errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        String scimType = null;
        if (status == 400) {
            boolean taken = errors.stream().anyMatch(f -> f.message().contains("taken") || f.message().contains("already")
                    || f.message().contains("not available") || f.message().contains("cannot be used"));
            scimType = taken ? "uniqueness" : "invalidValue";
            status = taken ? 409 : 400;
        }
        return response(status, scimType, message);
    }
}
