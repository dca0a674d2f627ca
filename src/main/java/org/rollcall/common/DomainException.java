package org.rollcall.common;

import java.util.List;

/**
 * A business rule said no. Carries the HTTP status it maps to, so the API, the pages and the
 * commands report the same reason in their own way.
 */
public class DomainException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> fieldErrors;

    protected DomainException(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(404, "Not found", detail, List.of());
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "Conflict", detail, List.of());
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "Forbidden", detail, List.of());
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(400, "Invalid input", "The request has invalid fields.", errors);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
