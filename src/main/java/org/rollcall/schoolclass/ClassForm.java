package org.rollcall.schoolclass;

import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;
import org.rollcall.common.Validation;
import org.rollcall.schoolclass.ClassFields.Code;
import org.rollcall.schoolclass.ClassFields.Description;
import org.rollcall.schoolclass.ClassFields.Name;
import org.rollcall.schoolclass.ClassFields.Period;
import org.rollcall.schoolclass.ClassFields.Term;

/**
 * A class as created or edited. {@code version} is required when editing (optimistic locking)
 * and ignored when creating. {@code kasmGroupId}: the Kasm group its members join (admins only);
 * null leaves it as it is, empty removes it.
 */
public record ClassForm(
        @Code String code,
        @Name String name,
        @Term String term,
        @Period String period,
        @Description String description,
        Long version,
        @Size(max = 64, message = Validation.TOO_LONG)
        @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "may contain only letters, digits, '_', '.', ':' and '-'")
        String kasmGroupId) {

    /** A class form that leaves the Kasm group as it is. */
    public ClassForm(String code, String name, String term, String period, String description, Long version) {
        this(code, name, term, period, description, version, null);
    }

    public ClassForm normalised() {
        return new ClassForm(code == null ? null : code.strip().toUpperCase(Locale.ROOT), Text.trim(name), Text.trim(term),
                Text.trim(Text.emptyToNull(period)), Text.trim(Text.emptyToNull(description)), version,
                kasmGroupId == null ? null : kasmGroupId.strip());
    }
}
