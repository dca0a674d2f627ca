package org.rollcall.user;

import java.time.Instant;

/** A user as shown to others: never the password or its hash. */
public record UserView(
        String username,
        String displayName,
        String email,
        Role role,
        boolean enabled,
        boolean mustChangePassword,
        boolean passwordSet,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static UserView of(User u) {
        return new UserView(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(), u.isEnabled(),
                u.isMustChangePassword(), u.getPasswordHash() != null, u.getLastLoginAt(), u.getCreatedAt(),
                u.getUpdatedAt(), u.getVersion());
    }
}
