package org.rollcall.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;
import org.rollcall.user.UserFields.DisplayName;
import org.rollcall.user.UserFields.Email;
import org.rollcall.user.UserFields.Username;

/**
 * A user as exported and migrated: every stored field, including the password hash. Only the
 * export/migrate commands use it; it never reaches the API or a page. A null timestamp or hash
 * means "not known by the source": importing it leaves the target's value alone.
 */
public record UserRow(
        @Username String username,
        @DisplayName String displayName,
        @Email String email,
        @NotBlank String role,
        @Size(max = 255) String passwordHash,
        boolean enabled,
        boolean mustChangePassword,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Same normalisation as the user form; timestamps to the microsecond the database keeps. */
    public UserRow normalised() {
        return new UserRow(Text.lower(username), Text.trim(displayName), Text.lower(Text.emptyToNull(email)), Text.lower(role),
                Text.emptyToNull(Text.trim(passwordHash)), enabled, mustChangePassword, micros(lastLoginAt), micros(createdAt),
                micros(updatedAt));
    }

    static UserRow of(User u) {
        return new UserRow(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRoleName(), u.getPasswordHash(), u.isEnabled(),
                u.isMustChangePassword(), u.getLastLoginAt(), u.getCreatedAt(), u.getUpdatedAt());
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
