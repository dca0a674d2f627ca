package org.rollcall.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.user.Role;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Provisioning clients: created and revoked by an admin, each with a secret shown once. A client
 * presents the secret itself (Bearer, or Basic with its name), or exchanges it at the token
 * endpoint for a short-lived bearer token. Secrets and tokens work under /scim/v2 only.
 */
@ApplicationScoped
public class ProvisioningClients {

    public static final String SECRET_PREFIX = "rcscim_";
    public static final String TOKEN_PREFIX = "rcscimat_";
    /** How long a token from the client-credentials grant lasts. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_used_at is written at most this often per client, so a busy client costs no write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public record ClientView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static ClientView of(ProvisioningClient c) {
            return new ClientView(c.getId(), c.getName(), c.getPrefix(), c.getCreatedAt(), c.getLastUsedAt(), c.getRevokedAt());
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** The secret in clear, returned only by the call that created the client. */
    public record CreatedClient(ClientView client, String secret) {
    }

    /** An access token from the client-credentials grant. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    @ApplicationScoped
    public static class ClientRepository implements PanacheRepository<ProvisioningClient> {
    }

    @Inject
    ClientRepository clients;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();
    /**
     * Credentials already checked, by digest, for {@link #CACHE_FOR}: a provisioning run sends
     * thousands of requests, each would otherwise cost a query. Revoking clears it here at once; other
     * instances notice within CACHE_FOR, as they do for a disabled account (auth/AccountCache).
     */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private record Checked(ClientView client, Instant until) {
    }

    /** The actor a client's changes are made and audited as: admin rights over users and classes, named after the client. */
    public static Actor actorOf(ClientView client) {
        return new Actor(-client.id(), "scim:" + client.name(), Role.ADMIN);
    }

    @Transactional
    public CreatedClient create(Actor actor, String name) {
        AccessPolicy.requireAdmin(actor, "create provisioning clients");
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw DomainException.invalid("name", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (clients.count("lower(name) = ?1", trimmed.toLowerCase(java.util.Locale.ROOT)) > 0) {
            throw DomainException.invalid("name", "is already the name of a provisioning client");
        }
        String secret = SECRET_PREFIX + random();
        ProvisioningClient client = new ProvisioningClient(trimmed, secret.substring(0, 12), digest(secret), clock.instant());
        clients.persist(client);
        clients.flush();
        audit.record(actor, AuditAction.SCIM_CLIENT_CREATE, client.getName(), null);
        return new CreatedClient(ClientView.of(client), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientView> list(Actor actor) {
        AccessPolicy.requireAdmin(actor, "list provisioning clients");
        // read as values, never as entities a longer-lived session may hold from before a revocation
        return clients.getEntityManager().createQuery("select new org.rollcall.scim.ProvisioningClients$ClientView(c.id, c.name,"
                + " c.prefix, c.createdAt, c.lastUsedAt, c.revokedAt) from ProvisioningClient c order by c.name", ClientView.class)
                .getResultList();
    }

    /** Revokes by name: its secret and every token issued to it stop working at once. */
    @Transactional
    public ClientView revoke(Actor actor, String name) {
        AccessPolicy.requireAdmin(actor, "revoke provisioning clients");
        ProvisioningClient client = clients.find("name", name == null ? "" : name.strip()).firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("No provisioning client '" + name + "'."));
        if (client.getRevokedAt() == null) {
            client.setRevokedAt(clock.instant());
            checked.values().removeIf(c -> c.client().id() == client.getId());
            clients.getEntityManager().createNativeQuery("delete from scim_access_token where client_id = ?1")
                    .setParameter(1, client.getId()).executeUpdate();
            audit.record(actor, AuditAction.SCIM_CLIENT_REVOKE, client.getName(), null);
        }
        return ClientView.of(client);
    }

    /** The client presenting this secret (Bearer) or this access token; empty when unknown, revoked or expired. */
    @Transactional
    public Optional<ClientView> authenticateBearer(String credential) {
        if (credential == null || credential.length() > 200) {
            return Optional.empty();
        }
        Optional<ClientView> cached = cached(credential);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<ClientView> found = lookUpBearer(credential);
        found.ifPresent(c -> remember(credential, c));
        return found;
    }

    private Optional<ClientView> cached(String credential) {
        Checked hit = checked.get(digest(credential));
        if (hit == null || !hit.until().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(hit.client());
    }

    private void remember(String credential, ClientView client) {
        Instant until = clock.instant().plus(CACHE_FOR);
        if (credential.startsWith(TOKEN_PREFIX) && clients.getEntityManager()
                .createNativeQuery("select client_id from scim_access_token where token_digest = ?1 and expires_at > ?2")
                .setParameter(1, digest(credential)).setParameter(2, until).getResultList().isEmpty()) {
            return;   // a token about to expire is checked each time, so it is never accepted after its expiry
        }
        if (checked.size() > 10_000) {
            checked.clear();
        }
        checked.put(digest(credential), new Checked(client, until));
    }

    private Optional<ClientView> lookUpBearer(String credential) {
        if (credential.startsWith(TOKEN_PREFIX)) {
            List<?> ids = clients.getEntityManager()
                    .createNativeQuery("select client_id from scim_access_token where token_digest = ?1 and expires_at > ?2")
                    .setParameter(1, digest(credential)).setParameter(2, clock.instant()).getResultList();
            return ids.isEmpty() ? Optional.empty() : active(clients.findByIdOptional(((Number) ids.get(0)).longValue()));
        }
        if (credential.startsWith(SECRET_PREFIX)) {
            return active(clients.find("digest", digest(credential)).firstResultOptional());
        }
        return Optional.empty();
    }

    /** HTTP Basic with the client's name and secret (Okta), and the token endpoint's client authentication. */
    @Transactional
    public Optional<ClientView> authenticate(String name, String secret) {
        if (name == null || secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ClientView> cached = cached(secret).filter(c -> c.name().equals(name));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<ClientView> found = active(clients.find("digest", digest(secret)).firstResultOptional()
                .filter(c -> c.getName().equals(name)));
        found.ifPresent(c -> remember(secret, c));
        return found;
    }

    /** The client-credentials grant: a bearer token valid for {@link #TOKEN_LIFETIME}. */
    @Transactional
    public IssuedToken issueToken(ClientView client) {
        Instant now = clock.instant();
        var em = clients.getEntityManager();
        em.createNativeQuery("delete from scim_access_token where expires_at <= ?1").setParameter(1, now).executeUpdate();
        String token = TOKEN_PREFIX + random();
        em.createNativeQuery("insert into scim_access_token (token_digest, client_id, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, digest(token)).setParameter(2, client.id()).setParameter(3, now.plus(TOKEN_LIFETIME))
                .executeUpdate();
        return new IssuedToken(token, TOKEN_LIFETIME.toSeconds());
    }

    private Optional<ClientView> active(Optional<ProvisioningClient> found) {
        return found.filter(c -> c.getRevokedAt() == null).map(c -> {
            Instant now = clock.instant();
            Instant written = lastUseWritten.get(c.getId());
            if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                lastUseWritten.put(c.getId(), now);
                clients.update("lastUsedAt = ?1 where id = ?2", now, c.getId());
            }
            return ClientView.of(c);
        });
    }

    private static String random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
