package org.rollcall.auth;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;
import org.rollcall.common.Text;
import org.rollcall.user.UserService;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Checks a username and password (the login form and HTTP Basic) against every kind of hash Rollcall
 * stores: Argon2id, bcrypt made before it, Werkzeug PBKDF2 migrated from the Flask app. An account
 * without a password is refused. A hash of an older kind or cost is replaced by the current Argon2id
 * on the first successful login, so nobody loses their password.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);

    @Inject
    AccountLookup lookup;
    @Inject
    AccountCache accounts;
    @Inject
    UserService users;
    @Inject
    RollcallConfig config;

    /**
     * Chooses the Argon2 engine at start-up and says which. Loading libargon2 (JNA extracts it from
     * its jar) takes 0.1-0.2 s, which the first login would wait for otherwise; it runs beside the
     * rest of the start, not before it.
     */
    void onStart(@Observes StartupEvent event) {
        if (!config.commandMode()) {
            CompletableFuture.runAsync(PasswordIdentityProvider::logEngine);
        }
    }

    private static void logEngine() {
        Argon2.Choice argon2 = Argon2.choice();
        LOG.infof("Password hashes: Argon2id (m=%d KiB, t=%d, p=%d) by %s%s", Passwords.ARGON2_MEMORY_KIB, Passwords.ARGON2_ITERATIONS,
                Passwords.ARGON2_PARALLELISM, argon2.engine().name(),
                argon2.whyNotNative() == null ? "" : ", as libargon2 cannot be loaded here: " + argon2.whyNotNative());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * Must run before Security JPA's provider, which has the default priority (SYSTEM_FIRST + 1)
     * and reads bcrypt alone. With equal priorities their order was left to chance.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = Text.lower(request.getUsername());
            AccountLookup.Credentials found = lookup.credentials(username).orElse(null);
            if (found == null) {
                throw new AuthenticationFailedException(); // refused here: Security JPA would only read the same row again
            }
            String hash = found.passwordHash();
            String password = new String(request.getPassword().getPassword());
            if (hash.isEmpty() || !Passwords.matches(password, hash)) {
                throw new AuthenticationFailedException();
            }
            // read just now: a session issued from it takes the account's current session generation,
            // even when that was moved through another instance a moment ago
            accounts.remember(found.account());
            SecurityIdentity identity = found.account().identity();
            if (Passwords.needsRehash(hash)) {
                users.upgradeLegacyPassword(username, hash, password);
            }
            return identity;
        });
    }
}
