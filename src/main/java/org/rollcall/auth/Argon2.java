package org.rollcall.auth;

import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;

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

    /**
     * libargon2 through argon2-jvm's JNA binding. Its working memory (7 MiB at Rollcall's cost) comes
     * from blocks kept for the next check instead of from malloc: glibc would keep the freed 7 MiB
     * blocks of busy logins anyway, several per arena (31-40 MB more resident after the login load,
     * against 14 MB kept here on 2 cores), and handing them back to the system after each check
     * doubled a check's time in page faults. At most one block per core is ever made; a check that
     * finds none free (small imported costs let more checks run at once) or needs more memory than
     * a block holds gets malloc's, as before.
     */
    static final class Native implements Engine {

        private static final int ARGON2_OK = 0;
        private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
        private static final long BLOCK_BYTES = Passwords.ARGON2_MEMORY_KIB * 1024L;
        private static final int BLOCKS_KEPT = Runtime.getRuntime().availableProcessors();

        private final Argon2Library library = Argon2Library.INSTANCE;
        private final BlockingQueue<Block> idle = new ArrayBlockingQueue<>(BLOCKS_KEPT);
        private final AtomicInteger made = new AtomicInteger();

        /** Receives {@code uint8_t **memory} and the bytes wanted; 0 when it has put a block's address there. */
        public interface Allocate extends Callback {
            int invoke(Pointer memory, Size_t bytes);
        }

        /** Receives the block back; it stays allocated for the next check. */
        public interface Release extends Callback {
            void invoke(Pointer memory, Size_t bytes);
        }

        private static final Release KEEP = (memory, bytes) -> {
        };

        /** One check's working memory, with the callback that lends it to libargon2. */
        private static final class Block {
            final Memory memory = new Memory(BLOCK_BYTES);
            final Allocate allocate = (target, bytes) -> {
                boolean fits = bytes.longValue() <= BLOCK_BYTES; // libargon2 asks for m_cost KiB at most
                target.setPointer(0, fits ? memory : null);
                return fits ? ARGON2_OK : ARGON2_MEMORY_ALLOCATION_ERROR;
            };
        }

        @Override
        public String name() {
            return "native libargon2";
        }

        @Override
        public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            if (password.length == 0) {
                return JAVA.hash(password, salt, cost, length); // libargon2 takes no empty buffer through JNA
            }
            Memory pwd = copy(password);
            Memory saltCopy = copy(salt);
            Memory out = new Memory(length);
            Block block = cost.memoryKib() <= Passwords.ARGON2_MEMORY_KIB ? borrow() : null;
            try {
                var context = new Argon2_context.ByReference();
                context.out = out;
                context.outlen = new JnaUint32(length);
                context.pwd = pwd;
                context.pwdlen = new JnaUint32(password.length);
                context.salt = saltCopy;
                context.saltlen = new JnaUint32(salt.length);
                context.secretlen = new JnaUint32(0);
                context.adlen = new JnaUint32(0);
                context.t_cost = new JnaUint32(cost.iterations());
                context.m_cost = new JnaUint32(cost.memoryKib());
                context.lanes = new JnaUint32(cost.parallelism());
                context.threads = new JnaUint32(cost.parallelism());
                context.version = new Argon2_version(0x13);
                context.allocate_cbk = block == null ? null : CallbackReference.getFunctionPointer(block.allocate);
                context.free_cbk = block == null ? null : CallbackReference.getFunctionPointer(KEEP);
                context.flags = new JnaUint32(0);
                int result = library.argon2id_ctx(context);
                if (result != ARGON2_OK) {
                    throw new IllegalStateException("libargon2: " + library.argon2_error_message(result));
                }
                return out.getByteArray(0, length);
            } finally {
                pwd.clear();
                if (block != null) {
                    giveBack(block);
                }
            }
        }

        /** A free block, a new one while fewer than one per core exist, else null (malloc's memory). */
        private Block borrow() {
            Block block = idle.poll();
            if (block == null && made.getAndUpdate(n -> n < BLOCKS_KEPT ? n + 1 : n) < BLOCKS_KEPT) {
                block = new Block();
            }
            return block;
        }

        /** How many blocks this engine has made: at most one per core. */
        int blocksMade() {
            return made.get();
        }

        private void giveBack(Block block) {
            idle.offer(block); // never full: it holds every block ever made
        }

        private static Memory copy(byte[] bytes) {
            Memory memory = new Memory(bytes.length);
            memory.write(0, bytes, 0, bytes.length);
            return memory;
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
