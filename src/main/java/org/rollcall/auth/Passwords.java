package org.rollcall.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Password hashing. New hashes are bcrypt. Hashes migrated from the Flask app are Werkzeug
 * PBKDF2 strings ({@code pbkdf2:sha256:<iterations>$<salt>$<hex>}); they are accepted at login
 * and replaced by bcrypt there.
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: a one-time password is often read aloud or copied from a screen. */
    private static final char[] READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** What Security JPA's bcrypt check accepts: $2b$ and $2y$ hashes fail to decode there. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2a\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern WERKZEUG = Pattern.compile("pbkdf2:(sha256|sha512|sha1):\\d{1,9}\\$[^$]+\\$[0-9a-fA-F]+");

    private static final Set<String> HASH_SCHEMES = Set.of("scrypt", "argon2", "argon2i", "argon2d",
            "argon2id", "2", "2b", "2x", "2y", "1", "5", "6", "md5", "sha1", "sha256", "sha512", "pbkdf2", "bcrypt");

    private Passwords() {
    }

    /**
     * Why a hash brought in from elsewhere (migrate) could not be checked at login, or null when
     * it can: bcrypt ($2a$) or Werkzeug PBKDF2. Never includes the hash itself.
     */
    public static String unsupportedHashReason(String hash) {
        if (hash == null || BCRYPT.matcher(hash).matches() || WERKZEUG.matcher(hash).matches()) {
            return null;
        }
        String method = (hash.startsWith("$") ? hash.substring(1) : hash).split("[$:]", 2)[0].toLowerCase(Locale.ROOT);
        String known = "only bcrypt ($2a$) and Werkzeug pbkdf2:sha256/sha512/sha1 hashes can be used to log in";
        // Name the scheme only when it is a known one: the "hash" could be a password stored in clear.
        return !HASH_SCHEMES.contains(method) ? "is not a password hash Rollcall recognises: " + known
                : "uses '" + method + "', which Rollcall cannot check: " + known;
    }

    /**
     * bcrypt's work factor: 2^10 rounds, OWASP's minimum for bcrypt (Password Storage Cheat Sheet).
     * One check costs one core about 0.1-0.2 s (less with the C2 compiler, more on a slow machine),
     * which is what a login costs the server and a guess costs an attacker holding the hashes;
     * scripts/bench measures logins per second with it.
     */
    public static final int BCRYPT_COST = 10;

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    public static boolean isWerkzeug(String hash) {
        return hash != null && hash.startsWith("pbkdf2:");
    }

    public static boolean matches(String password, String hash) {
        if (hash == null || password == null) {
            return false;
        }
        return isWerkzeug(hash) ? matchesWerkzeug(password, hash) : BcryptUtil.matches(password, hash);
    }

    static boolean matchesWerkzeug(String password, String hash) {
        String[] parts = hash.split("\\$", 3);
        if (parts.length != 3) {
            return false;
        }
        String[] method = parts[0].split(":");
        if (method.length != 3 || !method[0].equals("pbkdf2")) {
            return false;
        }
        String algorithm = switch (method[1]) {
            case "sha256" -> "PBKDF2WithHmacSHA256";
            case "sha512" -> "PBKDF2WithHmacSHA512";
            case "sha1" -> "PBKDF2WithHmacSHA1";
            default -> null;
        };
        if (algorithm == null || !method[2].matches("\\d{1,9}")) {
            return false;
        }
        try {
            byte[] expected = HexFormat.of().parseHex(parts[2]);
            var spec = new PBEKeySpec(password.toCharArray(), parts[1].getBytes(StandardCharsets.UTF_8),
                    Integer.parseInt(method[2]), expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The hash of a password {@link #generate()} made: 14 characters of 56, about 81 bits of chance,
     * which no guessing reaches however cheap each guess is. Stretching (bcrypt) protects passwords
     * people choose; here it would only cost an import of 10,000 students ten minutes of CPU. So
     * one round of salted PBKDF2 in the Werkzeug format, which login checks and, at the first
     * login, replaces by bcrypt; the account must change the password then anyway.
     */
    public static String hashGenerated(String password) {
        StringBuilder salt = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            salt.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        }
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt.toString().getBytes(StandardCharsets.UTF_8), 1, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "pbkdf2:sha256:1$" + salt + "$" + HexFormat.of().formatHex(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            sb.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        }
        return sb.toString();
    }
}
