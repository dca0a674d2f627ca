package org.rollcall.bulk;

import java.util.Locale;

import org.rollcall.common.DomainException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a bulk action did to one user. {@code oneTimePassword} is set only by a password reset,
 * in the one response that carries it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkOutcome(String username, Result outcome, String reason, String displayName, String oneTimePassword) {

    public enum Result {
        DONE, UNCHANGED, REFUSED, NOT_FOUND;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static BulkOutcome done(String username) {
        return new BulkOutcome(username, Result.DONE, null, null, null);
    }

    static BulkOutcome unchanged(String username, String reason) {
        return new BulkOutcome(username, Result.UNCHANGED, reason, null, null);
    }

    static BulkOutcome refused(String username, DomainException e) {
        String reason = e.fieldErrors().isEmpty() ? e.getMessage()
                : String.join("; ", e.fieldErrors().stream().map(f -> f.field() + ": " + f.message()).toList());
        return new BulkOutcome(username, Result.REFUSED, reason, null, null);
    }

    static BulkOutcome notFound(String username) {
        return new BulkOutcome(username, Result.NOT_FOUND, "No user '" + username + "'.", null, null);
    }

    /** The same outcome without its one-time password (once it has been shown). */
    BulkOutcome withoutPassword() {
        return new BulkOutcome(username, outcome, reason, displayName, null);
    }
}
