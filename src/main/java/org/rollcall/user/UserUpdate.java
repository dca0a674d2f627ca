package org.rollcall.user;

import org.rollcall.common.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Changes to an existing user. {@code version} is the version the editor started from: if the
 * user changed since, the update is refused rather than silently overwriting the other edit.
 */
public record UserUpdate(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotNull Role role,
        Boolean enabled,
        @NotNull Long version) {

    public UserUpdate normalised() {
        return new UserUpdate(Text.trim(displayName), Text.lower(Text.emptyToNull(email)), role, enabled, version);
    }
}
