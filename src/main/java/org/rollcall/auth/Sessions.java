package org.rollcall.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Login sessions live in an encrypted cookie (AES-GCM), so any instance holding the same key can
 * read them: scaling out is adding instances. The key is ROLLCALL_SESSION_KEY or, when unset, one
 * generated once and kept in the database, which every instance on that database shares. A cookie
 * names the account by id and generation (checked against the account cache on every request) and
 * carries a session id that logging out revokes on every instance (see {@link Revocations}).
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "rollcall_session";
    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final String SETTING = "session-key";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Every request reads its session, and {@code Cipher.getInstance} searches the security
     * providers each time; a cipher is reusable after a new {@code init}, but not thread-safe.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Marks the cookie layout; a cookie from before sessions were bound to an account id is refused. */
    private static final String FORMAT = "2";

    @Inject
    RollcallConfig config;
    @Inject
    SettingRepository settings;
    @Inject
    Revocations revocations;
    @Inject
    AccountCache accounts;
    private final Clock clock = Clock.systemUTC();
    private volatile SecretKey key;

    void loadKey(@Observes StartupEvent event) {
        requireKey();
    }

    private synchronized void loadKey() {
        if (key != null) {
            return;
        }
        String secret = config.session().key().filter(k -> !k.isBlank()).orElse(null);
        if (secret == null) {
            secret = settings.getOrCreate(SETTING, () -> {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            });
        } else if (secret.length() < 16) {
            LOG.warn("ROLLCALL_SESSION_KEY is shorter than 16 characters; use a long random value");
        }
        key = derive(secret);
    }

    static SecretKey derive(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new session of this account, under its current session generation. */
    public Cookie issue(Account account, boolean secure) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        long expiresAt = clock.instant().plus(config.session().lifetime()).getEpochSecond();
        String payload = String.join("\n", FORMAT, Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                Long.toString(account.id()), account.username(), Integer.toString(account.sessionGeneration()),
                Long.toString(expiresAt));
        return base(encrypt(payload), secure).setMaxAge(config.session().lifetime().toSeconds());
    }

    /**
     * A new session for the browser of {@code current} after its account's sessions ended (its own
     * password change): the others stay ended. Empty when the request did not come with a session.
     */
    Optional<Cookie> renew(Session current, boolean secure) {
        if (current == null) {
            return Optional.empty();
        }
        return accounts.fresh(current.username()).filter(a -> a.id() == current.accountId()).map(a -> issue(a, secure));
    }

    /** Ends this session on every instance (logging out). */
    void end(Session session) {
        revocations.endSession(session);
    }

    public Cookie clear(boolean secure) {
        return base("", secure).setMaxAge(0);
    }

    private Cookie base(String value, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secure && config.session().secureCookie());
    }

    /** The session in a valid, unexpired cookie that has not been logged out. */
    Optional<Session> read(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || key == null) {
            return Optional.empty();
        }
        try {
            String[] parts = decrypt(cookieValue).split("\n");
            if (parts.length != 6 || !parts[0].equals(FORMAT)) {
                return Optional.empty();
            }
            Session session = new Session(parts[1], Long.parseLong(parts[2]), parts[3], Integer.parseInt(parts[4]), Long.parseLong(parts[5]));
            if (session.expiresAt() < clock.instant().getEpochSecond() || revocations.isEnded(session.id())) {
                return Optional.empty();
            }
            return Optional.of(session);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Seals a secret that must wait in the database (a password on its way to Kasm) with the
     * session key. {@code purpose} is bound in as associated data, so a sealed secret never opens
     * as a cookie nor a cookie as a secret.
     */
    public String seal(String purpose, String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret {@link #seal} sealed for this purpose; empty when it does not open (another key, tampered). */
    public Optional<String> open(String purpose, String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            if (all.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key, loaded now when a start-up observer (the first admin's creation) needs it before {@link #loadKey} ran. */
    private SecretKey requireKey() {
        if (key == null) {
            loadKey();
        }
        return key;
    }

    private String encrypt(String payload) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decrypt(String value) throws GeneralSecurityException {
        byte[] all = Base64.getUrlDecoder().decode(value);
        if (all.length < 12 + 16) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
        return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }
}
