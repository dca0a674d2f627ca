package org.rollcall.common;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Runs Bean Validation on a form and turns violations into one 400 with a line per field. */
@ApplicationScoped
public class Validation {

    /** Messages follow the field's label on the page ("Name is required."), so they are plain phrases. */
    public static final String REQUIRED = "is required";
    public static final String TOO_LONG = "must be at most {max} characters";

    @Inject
    Validator validator;

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
