package org.rollcall.auth;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rollcall.common.DomainException;
import org.rollcall.common.Validation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Personal API tokens for scripts: created by a user for themself, shown once, revocable. */
@ApplicationScoped
public class ApiTokenService {

    public static final String PREFIX = "rc_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_used_at is written at most this often per token, so using a token costs no write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** {@code expiresAt}: optional; from then on the token is refused. */
    public record TokenForm(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            boolean expired) {
        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getLastUsedAt(), t.getExpiresAt(),
                    t.getExpiresAt() != null && !t.getExpiresAt().isAfter(now));
        }
    }

    /** The token in clear, returned only by the call that created it. */
    public record CreatedToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
    }

    record TokenOwner(long tokenId, String username) {
    }

    @ApplicationScoped
    public static class ApiTokenRepository implements PanacheRepository<ApiToken> {
    }

    @Inject
    ApiTokenRepository tokens;
    @Inject
    Validation validation;
    @Inject
    Clock clock;
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    @Transactional
    public CreatedToken create(Actor actor, TokenForm input) {
        TokenForm form = validation.check(new TokenForm(input.name() == null ? null : input.name().strip(), input.expiresAt()));
        Instant now = clock.instant();
        if (form.expiresAt() != null && !form.expiresAt().isAfter(now)) {
            throw DomainException.invalid("expiresAt", "must be in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken entity = new ApiToken(actor.id(), form.name(), token.substring(0, 10), digest(token), now, form.expiresAt());
        tokens.persist(entity);
        tokens.flush();
        return new CreatedToken(entity.getId(), entity.getName(), entity.getPrefix(), entity.getCreatedAt(), entity.getExpiresAt(), token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list(Actor actor) {
        Instant now = clock.instant();
        return tokens.list("userId = ?1 order by createdAt desc", actor.id()).stream().map(t -> TokenView.of(t, now)).toList();
    }

    /** One of the actor's own tokens (for the revoke confirmation); someone else's is answered as missing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TokenView> find(Actor actor, long id) {
        return tokens.find("id = ?1 and userId = ?2", id, actor.id()).firstResultOptional().map(t -> TokenView.of(t, clock.instant()));
    }

    @Transactional
    public void revoke(Actor actor, long id) {
        if (tokens.delete("id = ?1 and userId = ?2", id, actor.id()) == 0) {
            throw noSuchToken(id);
        }
        lastUseWritten.remove(id);
    }

    public static DomainException noSuchToken(long id) {
        return DomainException.notFound("No token " + id + " of yours.");
    }

    /** The owner of a presented token that has not expired, recording its use. */
    @Transactional
    Optional<TokenOwner> use(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<TokenOwner> found = tokens.getEntityManager()
                .createQuery("select new org.rollcall.auth.ApiTokenService$TokenOwner(t.id, u.username)"
                        + " from ApiToken t, User u where u.id = t.userId and t.digest = :digest"
                        + " and (t.expiresAt is null or t.expiresAt > :now)", TokenOwner.class)
                .setParameter("digest", digest(token)).setParameter("now", clock.instant()).getResultStream().findFirst();
        found.ifPresent(owner -> {
            Instant now = Instant.now();
            Instant written = lastUseWritten.get(owner.tokenId());
            if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                lastUseWritten.put(owner.tokenId(), now);
                tokens.update("lastUsedAt = ?1 where id = ?2", now, owner.tokenId());
            }
        });
        return found;
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
