package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;

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

    public enum Outcome { SUCCESS, BAD_CREDENTIALS, DISABLED }

    public record Result(Outcome outcome, Account account) {
    }

    private final IdentityProviderManager identities;
    private final UserService users;

    public LoginService(IdentityProviderManager identities, UserService users) {
        this.identities = identities;
        this.users = users;
    }

    /** Blocking: runs password hashing. Call from a worker thread. */
    public Result login(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return new Result(Outcome.BAD_CREDENTIALS, null);
        }
        try {
            SecurityIdentity identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    Text.lower(username), new PasswordCredential(password.toCharArray())));
            Account account = Identities.account(identity);
            users.recordLogin(account.username());
            return new Result(Outcome.SUCCESS, account);
        } catch (AuthenticationFailedException e) {
            return new Result(Identities.isDisabled(e) ? Outcome.DISABLED : Outcome.BAD_CREDENTIALS, null);
        }
    }
}
