package org.rollcall.schoolclass;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;

/**
 * A membership as exported and migrated: who is in which class, as what, since when. {@code group}
 * is the class's code, named as in the export format and in reports ("group: no class 'X'").
 */
public record MembershipRow(
        @NotBlank @Size(max = 16) String group,
        @NotBlank @Size(max = 64) String username,
        @NotBlank String role,
        Instant createdAt) {

    public MembershipRow normalised() {
        return new MembershipRow(group == null ? null : ClassService.normaliseCode(group), Text.lower(username), Text.lower(role),
                ClassRow.micros(createdAt));
    }

    /** How the row is named in a report: "CODE/username". */
    public String key() {
        return group + "/" + username;
    }
}
