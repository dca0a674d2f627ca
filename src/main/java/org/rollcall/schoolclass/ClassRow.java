package org.rollcall.schoolclass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;

/**
 * A class as exported and migrated, with its timestamps. Same constraints as {@link ClassForm};
 * a null timestamp means "not known by the source" and leaves the target's value alone.
 */
public record ClassRow(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "may contain only letters, digits, '_' and '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9/_. -]+", message = "may contain only letters, digits, '-', '/', '.', '_' and spaces") String term,
        @Size(max = 32) String period,
        @Size(max = 1000) String description,
        Instant createdAt,
        Instant updatedAt) {

    public ClassRow normalised() {
        return new ClassRow(code == null ? null : ClassService.normaliseCode(code), Text.trim(name), Text.trim(term),
                Text.trim(Text.emptyToNull(period)), Text.trim(Text.emptyToNull(description)), micros(createdAt), micros(updatedAt));
    }

    static ClassRow of(SchoolClass g) {
        return new ClassRow(g.getCode(), g.getName(), g.getTerm(), g.getPeriod(), g.getDescription(), g.getCreatedAt(), g.getUpdatedAt());
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
