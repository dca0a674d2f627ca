package org.rollcall.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.common.Text;
import org.rollcall.user.UserService;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Runs before Security JPA's password check. bcrypt hashes are left to Security JPA (this returns
 * nothing); an account without a password is refused; a Werkzeug PBKDF2 hash migrated from the
 * Flask app is verified here and replaced by bcrypt on the first successful login.
 */
@ApplicationScoped
public class LegacyPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AccountLookup lookup;
    @Inject
    AccountCache accounts;
    @Inject
    UserService users;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * Must run before Security JPA's provider, which has the default priority (SYSTEM_FIRST + 1)
     * and fails on a Werkzeug hash. With equal priorities their order was left to chance.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = Text.lower(request.getUsername());
            String hash = lookup.passwordHash(username).orElse(null);
            if (hash == null || !(hash.isEmpty() || Passwords.isWerkzeug(hash))) {
                return null; // unknown user or bcrypt: Security JPA decides
            }
            String password = new String(request.getPassword().getPassword());
            if (hash.isEmpty() || !Passwords.matches(password, hash)) {
                throw new AuthenticationFailedException();
            }
            Account account = accounts.find(username).orElseThrow(AuthenticationFailedException::new);
            SecurityIdentity identity = account.identity();
            users.upgradeLegacyPassword(username, password);
            return identity;
        });
    }
}
