package org.rollcall.user;

import org.rollcall.common.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user, as typed into the form, posted to the API or read from an import. */
public record UserForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = UserForm.USERNAME_PATTERN, message = "may contain only letters, digits, '.', '_' and '-'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotNull Role role,
        @Size(min = 8, max = 72) String password,
        Boolean mustChangePassword) {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";

    /** Trims, lowercases the username and email, and turns empty optional fields into none. */
    public UserForm normalised() {
        return new UserForm(Text.lower(username), Text.trim(displayName), Text.lower(Text.emptyToNull(email)), role,
                Text.emptyToNull(password), mustChangePassword);
    }
}
