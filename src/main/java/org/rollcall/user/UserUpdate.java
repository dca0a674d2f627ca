package org.rollcall.user;

import jakarta.validation.constraints.NotNull;

import org.rollcall.common.Text;
import org.rollcall.user.UserFields.DisplayName;
import org.rollcall.user.UserFields.Email;

/**
 * Changes to an existing user. {@code version} is the version the editor started from: if the
 * user changed since, the update is refused rather than silently overwriting the other edit.
 */
public record UserUpdate(
        @DisplayName String displayName,
        @Email String email,
        @NotNull Role role,
        Boolean enabled,
        @NotNull Long version) {

    public UserUpdate normalised() {
        return new UserUpdate(Text.trim(displayName), Text.lower(Text.emptyToNull(email)), role, enabled, version);
    }
}
