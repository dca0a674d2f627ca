package org.rollcall.auth;

import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;

/**
 * Argon2id (RFC 9106, version 1.3) and the PHC string it is stored as. Two engines compute the same
 * bytes: libargon2, the reference C implementation that argon2-jvm bundles, and BouncyCastle's Java
 * port, which takes 2-5 times as long and is used where the native library cannot load (a platform
 * argon2-jvm has no build for, a temporary directory mounted noexec that JNA cannot load it from).
 * The engine is chosen once, at first use; the app logs which at start-up (PasswordIdentityProvider).
 */
final class Argon2 {

    /**
     * Memory held by the checks running at once: as many of Rollcall's own as there are cores, as
     * Keycloak limits its Argon2 hashing to the cores. More at once would only share the cores and
     * hold more memory (16 logins at once would take 112 MiB, most of a small instance's heap with
     * the Java engine). A larger imported hash waits for the memory it needs, up to all of it.
     */
    private static final int MEMORY_BUDGET_KIB = Runtime.getRuntime().availableProcessors() * Passwords.ARGON2_MEMORY_KIB;
    private static final Semaphore MEMORY = new Semaphore(MEMORY_BUDGET_KIB, true);

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private Argon2() {
    }

    /** Argon2's three costs: memory in KiB, passes over it, lanes. */
    record Cost(int memoryKib, int iterations, int parallelism) {
    }

    /**
     * An Argon2id hash as the reference implementation encodes it:
     * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in standard
     * base64 without padding.
     */
    record Phc(Cost cost, byte[] salt, byte[] hash) {

        private static final Pattern FORMAT = Pattern.compile(
                "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

        /** The hash, or null when {@code encoded} is not an Argon2id version 1.3 (v=19) PHC string. */
        static Phc parse(String encoded) {
            Matcher m = FORMAT.matcher(encoded);
            if (!m.matches()) {
                return null;
            }
            try {
                Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return new Phc(cost, Base64.getDecoder().decode(m.group(4)), Base64.getDecoder().decode(m.group(5)));
            } catch (IllegalArgumentException e) {
                return null; // a length no base64 text has
            }
        }

        String encoded() {
            return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                    + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
        }
    }

    /** Computes Argon2id version 1.3. */
    @FunctionalInterface
    interface Hasher {
        byte[] hash(byte[] password, byte[] salt, Cost cost, int length);
    }

    /** An implementation of Argon2id; every engine gives the same bytes for the same input. */
    interface Engine extends Hasher {

        /** Says which one it is, in the start-up log and scripts/bench's output. */
        String name();
    }

    /** BouncyCastle's Argon2, in Java: runs wherever Rollcall does. */
    static final Engine JAVA = new Engine() {

        @Override
        public String name() {
            return "BouncyCastle (Java)";
        }

        @Override
        public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            var generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKib())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] hash = new byte[length];
            generator.generateBytes(password, hash);
            return hash;
        }
    };

    /** libargon2 through argon2-jvm (JNA). */
    private static final class Native implements Engine {

        private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);

        @Override
        public String name() {
            return "native libargon2";
        }

        @Override
        public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            if (password.length == 0) {
                return JAVA.hash(password, salt, cost, length); // argon2-jvm cannot hand libargon2 an empty buffer
            }
            return argon2.rawHashAdvanced(cost.iterations(), cost.memoryKib(), cost.parallelism(), password, salt,
                    null, null, length, Argon2Version.V13);
        }
    }

    /** libargon2, loaded by a first tiny hash (JNA extracts it from the jar); throws where it cannot load. */
    static Engine loadNative() {
        Engine engine = new Native();
        engine.hash(new byte[] { 1 }, new byte[8], new Cost(8, 1, 1), 32);
        return engine;
    }

    /** The engine in use and, when it is not libargon2, why not (null when it is). */
    record Choice(Engine engine, String whyNotNative) {
    }

    /** libargon2 when {@code loadNative} gives it, else BouncyCastle. */
    static Choice choose(Supplier<Engine> loadNative) {
        try {
            return new Choice(loadNative.get(), null);
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError...: whatever keeps it from running here
            return new Choice(JAVA, e.toString());
        }
    }

    private static final class Chosen {
        static final Choice CHOICE = choose(Argon2::loadNative);
    }

    /** The engine in use and why, chosen at the first call. */
    static Choice choice() {
        return Chosen.CHOICE;
    }

    static Engine engine() {
        return choice().engine();
    }

    /** Argon2id by the engine in use, within the memory budget (waits while other checks hold it). */
    static byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
        int permits = Math.min(cost.memoryKib(), MEMORY_BUDGET_KIB);
        MEMORY.acquireUninterruptibly(permits);
        try {
            return engine().hash(password, salt, cost, length);
        } finally {
            MEMORY.release(permits);
        }
    }
}
