package org.rollcall.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;
import org.rollcall.user.UserFields.DisplayName;
import org.rollcall.user.UserFields.Email;
import org.rollcall.user.UserFields.Username;

/** A new user, as typed into the form, posted to the API or read from an import. */
public record UserForm(
        @Username String username,
        @DisplayName String displayName,
        @Email String email,
        @NotNull Role role,
        @Size(min = 8, max = 72, message = "must be {min} to {max} characters long") String password,
        Boolean mustChangePassword) {

    /** Trims, lowercases the username and email, and turns empty optional fields into none. */
    public UserForm normalised() {
        return new UserForm(Text.lower(username), Text.trim(displayName), Text.lower(Text.emptyToNull(email)), role,
                Text.emptyToNull(password), mustChangePassword);
    }
}
