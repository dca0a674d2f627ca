package org.rollcall.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Login sessions live in an encrypted cookie (AES-GCM), so any instance holding the same key can
 * read them: scaling out is adding instances. The key is ROLLCALL_SESSION_KEY or, when unset, one
 * generated once and kept in the database, which every instance on that database shares.
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

    private final RollcallConfig config;
    private final SettingRepository settings;
    private final Clock clock = Clock.systemUTC();
    private volatile SecretKey key;

    public Sessions(RollcallConfig config, SettingRepository settings) {
        this.config = config;
        this.settings = settings;
    }

    void loadKey(@Observes StartupEvent event) {
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

    public Cookie issue(String username, boolean secure) {
        Instant now = clock.instant();
        String payload = username + "\n" + now.plus(config.session().lifetime()).getEpochSecond();
        return base(encrypt(payload), secure).setMaxAge(config.session().lifetime().toSeconds());
    }

    public Cookie clear(boolean secure) {
        return base("", secure).setMaxAge(0);
    }

    private Cookie base(String value, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secure && config.session().secureCookie());
    }

    /** The username in a valid, unexpired session cookie. */
    public Optional<String> read(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || key == null) {
            return Optional.empty();
        }
        try {
            String[] parts = decrypt(cookieValue).split("\n");
            if (parts.length != 2 || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(parts[0]);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
