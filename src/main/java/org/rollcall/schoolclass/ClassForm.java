package org.rollcall.schoolclass;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;

/**
 * A class as created or edited. {@code version} is required when editing (optimistic locking)
 * and ignored when creating.
 */
public record ClassForm(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "may contain only letters, digits, '_' and '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9/_. -]+", message = "may contain only letters, digits, '-', '/', '.', '_' and spaces") String term,
        @Size(max = 32) String period,
        @Size(max = 1000) String description,
        Long version) {

    public ClassForm normalised() {
        return new ClassForm(code == null ? null : code.strip().toUpperCase(Locale.ROOT), Text.trim(name), Text.trim(term),
                Text.trim(Text.emptyToNull(period)), Text.trim(Text.emptyToNull(description)), version);
    }
}
