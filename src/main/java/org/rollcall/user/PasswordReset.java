package org.rollcall.user;

/** The outcome of a reset: the one-time password is shown to the person who reset it, once. */
public record PasswordReset(String username, String temporaryPassword, boolean mustChangePassword) {
}
