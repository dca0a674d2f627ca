package org.rollcall.schoolclass;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who to add to a class, and as what (student when omitted). */
public record MemberForm(@NotBlank @Size(max = 64) String username, ClassRole role) {
}
