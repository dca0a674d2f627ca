package org.rollcall.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rollcall.common.DomainException;
import org.rollcall.common.Validation;

import io.quarkus.qute.TemplateData;

/**
 * What was wrong with a submitted form: a message per field, shown next to the field, and
 * optionally one for the whole form (e.g. someone else changed the record meanwhile).
 */
@TemplateData
public record FieldErrors(Map<String, String> byField, String general) {

    public static final FieldErrors NONE = new FieldErrors(Map.of(), null);

    public static FieldErrors of(DomainException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (DomainException.FieldError error : e.fieldErrors()) {
            String message = switch (error.message()) {
                case "must not be null", "must not be blank" -> Validation.REQUIRED;
                default -> error.message();
            };
            // an empty field breaks its pattern too; "is required" says all there is to say
            map.merge(error.field(), message, (a, b) -> a.equals(Validation.REQUIRED) || b.equals(Validation.REQUIRED)
                    ? Validation.REQUIRED : a + "; " + b);
        }
        return new FieldErrors(map, map.isEmpty() ? e.getMessage() : null);
    }

    public static FieldErrors of(String field, String message) {
        return new FieldErrors(Map.of(field, message), null);
    }

    public static FieldErrors of(List<DomainException.FieldError> errors) {
        return of(DomainException.invalid(errors));
    }

    /** Field labels, in the order the forms show the fields (the summary follows it). */
    private static final List<Map.Entry<String, String>> LABELS = List.of(Map.entry("username", "Username"),
            Map.entry("displayName", "Name"), Map.entry("email", "Email"), Map.entry("role", "Role"),
            Map.entry("password", "Password"), Map.entry("code", "Code"), Map.entry("name", "Name"),
            Map.entry("term", "Term"), Map.entry("period", "Period"), Map.entry("description", "Description"),
            Map.entry("currentPassword", "Current password"), Map.entry("newPassword", "New password"),
            Map.entry("confirmPassword", "New password again"), Map.entry("version", "Version"));

    /** Every problem as a sentence, for the summary at the top of the form, in the form's order. */
    public List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        if (general != null) {
            lines.add(general);
        }
        for (Map.Entry<String, String> label : LABELS) {
            if (byField.containsKey(label.getKey())) {
                lines.add(label.getValue() + " " + byField.get(label.getKey()) + ".");
            }
        }
        byField.forEach((field, message) -> {
            if (LABELS.stream().noneMatch(label -> label.getKey().equals(field))) {
                lines.add(field + " " + message + ".");
            }
        });
        return lines;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public boolean any() {
        return !byField.isEmpty() || general != null;
    }

    /** Bootstrap's class for an input: "is-invalid" when that field has an error. */
    public String css(String field) {
        return has(field) ? "is-invalid" : "";
    }

    /** Re-show a form for errors in the fields (400) or a stale edit (409); anything else is not the form's business. */
    public static boolean formCanShow(DomainException e) {
        return e.status() == 400 || e.status() == 409;
    }
}
