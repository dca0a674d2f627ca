package org.rollcall.schoolclass;

import java.util.Locale;

import org.rollcall.common.Text;
import org.rollcall.schoolclass.ClassFields.Code;
import org.rollcall.schoolclass.ClassFields.Description;
import org.rollcall.schoolclass.ClassFields.Name;
import org.rollcall.schoolclass.ClassFields.Period;
import org.rollcall.schoolclass.ClassFields.Term;

/**
 * A class as created or edited. {@code version} is required when editing (optimistic locking)
 * and ignored when creating.
 */
public record ClassForm(
        @Code String code,
        @Name String name,
        @Term String term,
        @Period String period,
        @Description String description,
        Long version) {

    public ClassForm normalised() {
        return new ClassForm(code == null ? null : code.strip().toUpperCase(Locale.ROOT), Text.trim(name), Text.trim(term),
                Text.trim(Text.emptyToNull(period)), Text.trim(Text.emptyToNull(description)), version);
    }
}
