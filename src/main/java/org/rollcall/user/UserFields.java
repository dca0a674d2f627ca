package org.rollcall.user;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Validation;

/**
 * The rules for a user's fields, once for every record that carries them ({@link UserForm},
 * {@link UserUpdate}, {@link UserRow}). Each failing part reports its own message, as if written
 * on the field itself: no {@code @ReportAsSingleViolation}, so an annotation's own
 * {@code message()}, which Bean Validation requires, is never shown.
 */
public final class UserFields {

    private UserFields() {
    }

    @NotBlank(message = Validation.REQUIRED)
    @Size(max = 64, message = Validation.TOO_LONG)
    @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'")
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Username {
        String message() default "is not a valid username";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    @NotBlank(message = Validation.REQUIRED)
    @Size(max = 200, message = Validation.TOO_LONG)
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface DisplayName {
        String message() default "is not a valid display name";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Optional: null passes. */
    @jakarta.validation.constraints.Email(message = "is not a valid email address")
    @Size(max = 254, message = Validation.TOO_LONG)
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Email {
        String message() default "is not a valid email address";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }
}
