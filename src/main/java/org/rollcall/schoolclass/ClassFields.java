package org.rollcall.schoolclass;

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
 * The rules for a class's fields, once for every record that carries them ({@link ClassForm},
 * {@link ClassRow}). Each failing part reports its own message, as if written on the field itself:
 * no {@code @ReportAsSingleViolation}, so an annotation's own {@code message()}, which Bean
 * Validation requires, is never shown.
 */
public final class ClassFields {

    private ClassFields() {
    }

    @NotBlank(message = Validation.REQUIRED)
    @Size(max = 16, message = Validation.TOO_LONG)
    @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "may contain only letters, digits, '_' and '-'")
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Code {
        String message() default "is not a valid class code";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    @NotBlank(message = Validation.REQUIRED)
    @Size(max = 200, message = Validation.TOO_LONG)
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Name {
        String message() default "is not a valid class name";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    @NotBlank(message = Validation.REQUIRED)
    @Size(max = 16, message = Validation.TOO_LONG)
    @Pattern(regexp = "[A-Za-z0-9/_. -]+", message = "may contain only letters, digits, '-', '/', '.', '_' and spaces")
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Term {
        String message() default "is not a valid term";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Optional: null passes. */
    @Size(max = 32, message = Validation.TOO_LONG)
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Period {
        String message() default "is not a valid period";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Optional: null passes. */
    @Size(max = 1000, message = Validation.TOO_LONG)
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RUNTIME)
    @Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
    public @interface Description {
        String message() default "is not a valid description";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }
}
