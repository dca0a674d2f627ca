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
 * Password hashing. New hashes are Argon2id (see {@link #ARGON2_MEMORY_KIB}). Login also checks
 * bcrypt hashes, which Rollcall made before, and Werkzeug PBKDF2 strings
 * ({@code pbkdf2:sha256:<iterations>$<salt>$<hex>}) migrated from the Flask app; both are replaced by
 * Argon2id at the next successful login ({@link #needsRehash}).
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: a one-time password is often read aloud or copied from a screen. */
    private static final char[] READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** What Elytron's bcrypt check (BcryptUtil) accepts: $2b$ and $2y$ hashes fail to decode there. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2a\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern WERKZEUG = Pattern.compile("pbkdf2:(sha256|sha512|sha1):\\d{1,9}\\$[^$]+\\$[0-9a-fA-F]+");

    private static final Set<String> HASH_SCHEMES = Set.of("scrypt", "argon2", "argon2i", "argon2d",
            "argon2id", "2", "2b", "2x", "2y", "1", "5", "6", "md5", "sha1", "sha256", "sha512", "pbkdf2", "bcrypt");

    /**
     * New hashes are Argon2id with 7 MiB of memory, 5 passes and one lane: a row of the OWASP Password
     * Storage Cheat Sheet's equivalent minimums for Argon2id (m=7168 KiB, t=5, p=1), and Keycloak's
     * default. Of those rows it holds the least memory per check, which a small instance pays once per
     * core (see Argon2). One check costs a core 15-30 ms through libargon2, and 45-90 ms (C2) or
     * 100-140 ms (C1 only) in the Java fallback, where bcrypt at cost 10 took 95-120 ms with C1: that
     * is what a login costs the server. scripts/bench measures logins per second with it.
     */
    public static final int ARGON2_MEMORY_KIB = 7168;
    /** Passes over the memory; see {@link #ARGON2_MEMORY_KIB}. */
    public static final int ARGON2_ITERATIONS = 5;
    /** Lanes; see {@link #ARGON2_MEMORY_KIB}. */
    public static final int ARGON2_PARALLELISM = 1;
    private static final Argon2.Cost COST = new Argon2.Cost(ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM);
    /** 16 bytes of random salt and 32 of hash, as the reference implementation's defaults and Keycloak's. */
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /**
     * What an Argon2id hash brought in from elsewhere (migrate, a restored backup) may cost one check,
     * so that a hostile one cannot hold a login for seconds or the server's memory: memory from 8 KiB
     * per lane to 64 MiB (PHP's default, RFC 9106's second recommendation), 1 to 10 passes, 1 to 4
     * lanes, and memory x passes at most 64 MiB x 4 (PHP's default), about 7 times Rollcall's own
     * check. Checked before anything is computed; version 1.3 (v=19) only, as Argon2.Phc parses.
     */
    private static final int MAX_MEMORY_KIB = 65_536;
    private static final int MAX_ITERATIONS = 10;
    private static final int MAX_PARALLELISM = 4;
    private static final long MAX_MEMORY_PASSES = 4L * MAX_MEMORY_KIB;

    private static final String ACCEPTED = "only Argon2id ($argon2id$v=19$, memory m <= " + MAX_MEMORY_KIB + " KiB, passes t <= "
            + MAX_ITERATIONS + ", lanes p <= " + MAX_PARALLELISM + ", m x t <= " + MAX_MEMORY_PASSES
            + ", 8-64 bytes of salt and 16-64 of hash), bcrypt ($2a$) and Werkzeug pbkdf2:sha256/sha512/sha1 hashes"
            + " can be used to log in";

    private Passwords() {
    }

    /**
     * Why a hash brought in from elsewhere (migrate) could not be checked at login, or null when
     * it can: Argon2id within the bounds above, bcrypt ($2a$) or Werkzeug PBKDF2. Never includes the
     * hash itself.
     */
    public static String unsupportedHashReason(String hash) {
        if (hash == null || BCRYPT.matcher(hash).matches()) {
            return null;
        }
        if (WERKZEUG.matcher(hash).matches()) {
            return werkzeugWithinBounds(hash) ? null : "is a Werkzeug hash outside what Rollcall checks (more than "
                    + MAX_WERKZEUG_ITERATIONS + " iterations or " + MAX_WERKZEUG_HEX + " hex digits of hash): " + ACCEPTED;
        }
        Argon2.Phc argon2 = Argon2.Phc.parse(hash);
        if (argon2 != null) {
            Argon2.Cost cost = argon2.cost();
            return withinBounds(argon2) ? null : String.format(Locale.ROOT, "is an Argon2id hash outside what Rollcall"
                    + " checks (m=%d KiB, t=%d, p=%d, %d bytes of salt, %d of hash): %s", cost.memoryKib(), cost.iterations(),
                    cost.parallelism(), argon2.salt().length, argon2.hash().length, ACCEPTED);
        }
        String method = (hash.startsWith("$") ? hash.substring(1) : hash).split("[$:]", 2)[0].toLowerCase(Locale.ROOT);
        // Name the scheme only when it is a known one: the "hash" could be a password stored in clear.
        return !HASH_SCHEMES.contains(method) ? "is not a password hash Rollcall recognises: " + ACCEPTED
                : "uses '" + method + "', which Rollcall cannot check: " + ACCEPTED;
    }

    /**
     * What a Werkzeug PBKDF2 hash may cost one check: Werkzeug's own default has grown to 1,000,000
     * iterations (3.1), so twice that; and 64 bytes of hash, since each 32 more of SHA-256 output
     * are all the iterations again.
     */
    private static final int MAX_WERKZEUG_ITERATIONS = 2_000_000;
    private static final int MAX_WERKZEUG_HEX = 128;

    /** Whether a hash the WERKZEUG pattern matched is within those bounds. */
    private static boolean werkzeugWithinBounds(String hash) {
        String[] parts = hash.split("\\$", 3);
        return werkzeugWithinBounds(parts[0].split(":")[2], parts[2]);
    }

    private static boolean werkzeugWithinBounds(String iterations, String hex) {
        return iterations.matches("\\d{1,9}") && Integer.parseInt(iterations) >= 1 && Integer.parseInt(iterations) <= MAX_WERKZEUG_ITERATIONS
                && hex.length() <= MAX_WERKZEUG_HEX;
    }

    private static boolean withinBounds(Argon2.Phc argon2) {
        Argon2.Cost cost = argon2.cost();
        return cost.parallelism() >= 1 && cost.parallelism() <= MAX_PARALLELISM
                && cost.memoryKib() >= 8 * cost.parallelism() && cost.memoryKib() <= MAX_MEMORY_KIB
                && cost.iterations() >= 1 && cost.iterations() <= MAX_ITERATIONS
                && (long) cost.memoryKib() * cost.iterations() <= MAX_MEMORY_PASSES
                && argon2.salt().length >= 8 && argon2.salt().length <= 64
                && argon2.hash().length >= 16 && argon2.hash().length <= 64;
    }

    /** An Argon2id hash of {@code password} (its UTF-8 bytes) at Rollcall's cost, with a new random salt. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Argon2.Phc(COST, salt, Argon2.hash(password.getBytes(StandardCharsets.UTF_8), salt, COST, HASH_BYTES)).encoded();
    }

    /**
     * Whether a stored hash should be replaced by {@link #hash} once a login has proved the password:
     * anything but Argon2id at exactly Rollcall's cost and sizes (bcrypt, Werkzeug PBKDF2 including
     * {@link #hashGenerated}'s, Argon2id at other costs).
     */
    public static boolean needsRehash(String hash) {
        Argon2.Phc argon2 = hash == null ? null : Argon2.Phc.parse(hash);
        return argon2 == null || !argon2.cost().equals(COST) || argon2.salt().length != SALT_BYTES
                || argon2.hash().length != HASH_BYTES;
    }

    /** Which Argon2id implementation computes hashes here: "native libargon2" or, where that cannot load, BouncyCastle's. */
    public static String argon2Engine() {
        return Argon2.engine().name();
    }

    public static boolean isWerkzeug(String hash) {
        return hash != null && hash.startsWith("pbkdf2:");
    }

    /** Whether {@code password} is the one {@code hash} was made from, for every kind of hash login accepts. */
    public static boolean matches(String password, String hash) {
        if (hash == null || password == null) {
            return false;
        }
        if (isWerkzeug(hash)) {
            return matchesWerkzeug(password, hash);
        }
        if (BCRYPT.matcher(hash).matches()) {
            return BcryptUtil.matches(password, hash);
        }
        return matchesArgon2(password, hash, Argon2::hash);
    }

    /** As {@link #matches} for Argon2id, computed by {@code argon2} once the hash is known to be within bounds. */
    static boolean matchesArgon2(String password, String hash, Argon2.Hasher argon2) {
        Argon2.Phc stored = Argon2.Phc.parse(hash);
        if (stored == null || !withinBounds(stored)) {
            return false;
        }
        byte[] actual = argon2.hash(password.getBytes(StandardCharsets.UTF_8), stored.salt(), stored.cost(), stored.hash().length);
        return MessageDigest.isEqual(stored.hash(), actual);
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
        if (algorithm == null || !werkzeugWithinBounds(method[2], parts[2])) {
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
     * which no guessing reaches however cheap each guess is. Stretching (Argon2id) protects passwords
     * people choose; here it would only cost an import of 10,000 students minutes of CPU. So one
     * round of salted PBKDF2 in the Werkzeug format, which login checks and, at the first login,
     * replaces by Argon2id; the account must change the password then anyway.
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
