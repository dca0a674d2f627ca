package org.rollcall.schoolclass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.rollcall.common.Text;
import org.rollcall.schoolclass.ClassFields.Code;
import org.rollcall.schoolclass.ClassFields.Description;
import org.rollcall.schoolclass.ClassFields.Name;
import org.rollcall.schoolclass.ClassFields.Period;
import org.rollcall.schoolclass.ClassFields.Term;

/**
 * A class as exported and migrated, with its timestamps. Same field rules as {@link ClassForm};
 * a null timestamp means "not known by the source" and leaves the target's value alone.
 */
public record ClassRow(
        @Code String code,
        @Name String name,
        @Term String term,
        @Period String period,
        @Description String description,
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
