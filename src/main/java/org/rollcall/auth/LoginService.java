package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.audit.RequestOrigin;
import org.rollcall.common.Text;
import org.rollcall.user.UserService;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;

/** Checks a username and password through the same providers as HTTP Basic. */
@ApplicationScoped
public class LoginService {

    public enum Outcome { SUCCESS, BAD_CREDENTIALS, DISABLED, THROTTLED }

    /** The outcome; for THROTTLED also why and for how long (never null then). */
    public record Result(Outcome outcome, Account account, LoginThrottle.Refusal refusal) {

        Result(Outcome outcome, Account account) {
            this(outcome, account, null);
        }
    }

    @Inject
    IdentityProviderManager identities;
    @Inject
    UserService users;
    @Inject
    LoginAttempts attempts;

    /** Blocking: runs password hashing. Call from a worker thread. */
    public Result login(String username, String password) {
        return login(username, password, RequestOrigin.current());
    }

    /** Blocking; {@code address} is the client's, for throttling and the audit log. */
    public Result login(String username, String password, String address) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return new Result(Outcome.BAD_CREDENTIALS, null);
        }
        LoginThrottle.Verdict verdict = attempts.check(username, address, LoginAttempts.Method.FORM);
        if (verdict.refusal().isPresent()) {
            return new Result(Outcome.THROTTLED, null, verdict.refusal().get());
        }
        try {
            SecurityIdentity identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    Text.lower(username), new PasswordCredential(password.toCharArray())));
            // as the password check read it from the database (PasswordIdentityProvider), with its current session generation
            Account account = Account.of(identity);
            users.recordLogin(account.username());
            attempts.succeeded(account.username(), verdict, LoginAttempts.Method.FORM);
            return new Result(Outcome.SUCCESS, account);
        } catch (AuthenticationFailedException e) {
            boolean disabled = Account.isDisabled(e);
            attempts.failed(username, address, disabled, LoginAttempts.Method.FORM);
            return new Result(disabled ? Outcome.DISABLED : Outcome.BAD_CREDENTIALS, null);
        }
    }
}
