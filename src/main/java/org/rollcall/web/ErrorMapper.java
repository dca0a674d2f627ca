package org.rollcall.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rollcall.auth.LoginRedirect;
import org.rollcall.common.DomainException;
import org.rollcall.common.Problem;
import org.rollcall.scim.ScimErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves through here: problem+json under /api, an error page in the layout elsewhere.
 * Details of unexpected failures are logged, never sent.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @Inject
    ErrorPage pages;

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(uri, e.status(), e.title(), e.getMessage(), e.fieldErrors());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String reason = e instanceof UnrecognizedPropertyException u ? "is not a known field"
                : e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                : e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
        if (field == null) {
            return respond(uri, 400, "Malformed request body", "The body is not valid JSON for this request: " + reason, List.of());
        }
        return respond(uri, 400, "Invalid input", "The request has invalid fields.",
                List.of(new DomainException.FieldError(field, reason)));
    }

    /** Jackson's own mapper for this subtype would answer an empty 400; ours says which field. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e, UriInfo uri) {
        return respond(uri, 409, "Conflict", "The record was changed by someone else at the same time. Reload and try again.", List.of());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleUpdate(null, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        if (ScimErrors.isScim(path)) {
            return ScimErrors.response(401, null, "Authenticate as a provisioning client.");
        }
        if (LoginRedirect.isApi(path)) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", "Basic realm=\"Rollcall\", charset=\"UTF-8\"")
                    .entity(Problem.of(401, "Unauthorized", "Log in, or send a token or Basic credentials.", path, List.of()))
                    .build();
        }
        String returnTo = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(java.net.URI.create(LoginRedirect.loginUrl(returnTo))).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "Forbidden", "You do not have permission to do this.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (ScimErrors.isScim(uri.getPath()) && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return ScimErrors.response(status, null, status == 404 ? "There is nothing at this address."
                    : Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase());
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept " + "that method.";
            case 415 -> "Send the body as application/json.";
            default -> title;
        };
        return respond(uri, status, title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(uri, 500, "Internal error", "Something went wrong on our side; it has been logged.", List.of());
    }

    private Response respond(UriInfo uri, int status, String title, String detail, List<DomainException.FieldError> errors) {
        String path = uri.getPath();
        if (ScimErrors.isScim(path)) {
            return ScimErrors.domain(status, detail, errors);
        }
        if (LoginRedirect.isApi(path)) {
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, title, detail, path, errors)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(status, title, detail, errors)).build();
    }
}
