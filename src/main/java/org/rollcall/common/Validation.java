package org.rollcall.common;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Runs Bean Validation on a form and turns violations into one 400 with a line per field. */
@ApplicationScoped
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T form) {
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            List<DomainException.FieldError> errors = violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                    .map(v -> new DomainException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .toList();
            throw DomainException.invalid(errors);
        }
        return form;
    }
}
