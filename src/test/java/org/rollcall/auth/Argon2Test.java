package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Argon2.Cost;
import org.rollcall.auth.Argon2.Engine;

/**
 * libargon2 and BouncyCastle compute the same Argon2id, so a password hashed on a server with the
 * native library logs in on one without it, and the other way round.
 */
class Argon2Test {

    private static final Engine NATIVE = Argon2.loadNative();

    /** The reference implementation's own test vector (phc-winner-argon2, test.c). */
    private static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void libargon2LoadsAndIsTheEngineInUse() {
        assertThat(NATIVE.name()).isEqualTo("native libargon2");
        assertThat(Argon2.engine().name()).as("logins are checked by the fast engine where it loads").isEqualTo("native libargon2");
        assertThat(Argon2.choice().whyNotNative()).isNull();
    }

    @Test
    void bothEnginesGiveTheReferenceImplementationsHash() {
        Argon2.Phc reference = Argon2.Phc.parse(REFERENCE);
        for (Engine engine : List.of(NATIVE, Argon2.JAVA)) {
            byte[] hash = engine.hash(utf8("password"), reference.salt(), reference.cost(), reference.hash().length);
            assertThat(hash).as(engine.name()).isEqualTo(reference.hash());
            assertThat(new Argon2.Phc(reference.cost(), reference.salt(), hash).encoded()).as(engine.name()).isEqualTo(REFERENCE);
        }
    }

    @Test
    void nativeAndJavaGiveTheSameBytesForTheSameInput() {
        byte[] salt = HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        Cost rollcall = new Cost(Passwords.ARGON2_MEMORY_KIB, Passwords.ARGON2_ITERATIONS, Passwords.ARGON2_PARALLELISM);
        for (String password : List.of("correct-horse-1", "Zoë Ñandú 学生 🦉", "", "x".repeat(200))) {
            for (Cost cost : List.of(rollcall, new Cost(64, 1, 1), new Cost(256, 3, 2), new Cost(1024, 2, 4), new Cost(8256, 1, 2))) {
                for (int length : List.of(32, 16, 61)) {
                    assertThat(NATIVE.hash(utf8(password), salt, cost, length))
                            .as("'%s' at %s, %d bytes", password, cost, length)
                            .isEqualTo(Argon2.JAVA.hash(utf8(password), salt, cost, length));
                }
            }
        }
    }

    @Test
    void checksRunningAtOnceEachHashInTheirOwnMemory() throws Exception {
        byte[] salt = utf8("sixteen-byte-slt");
        Cost cost = new Cost(Passwords.ARGON2_MEMORY_KIB, Passwords.ARGON2_ITERATIONS, Passwords.ARGON2_PARALLELISM);
        List<String> passwords = IntStream.range(0, 6).mapToObj(i -> "password-" + i).toList();
        List<byte[]> expected = passwords.stream().map(p -> Argon2.JAVA.hash(utf8(p), salt, cost, 32)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<byte[]>> hashes = new ArrayList<>();
                for (String password : passwords) {
                    hashes.add(pool.submit(() -> NATIVE.hash(utf8(password), salt, cost, 32)));
                }
                for (int i = 0; i < passwords.size(); i++) {
                    assertThat(hashes.get(i).get(30, TimeUnit.SECONDS)).as("round %d, %s", round, passwords.get(i)).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(((Argon2.Native) NATIVE).blocksMade()).as("7 MiB blocks kept: one per core, the rest used malloc's memory")
                .isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void whereLibargon2CannotLoadTheJavaEngineHashesInstead() {
        Argon2.Choice choice = Argon2.choose(() -> {
            throw new UnsatisfiedLinkError("failed to map segment from shared object (a noexec /tmp)");
        });
        assertThat(choice.engine()).isSameAs(Argon2.JAVA);
        assertThat(choice.whyNotNative()).as("the start-up log says why").contains("UnsatisfiedLinkError", "noexec");
        Engine chosen = choice.engine();
        byte[] salt = utf8("sixteen-byte-slt");
        Cost cost = new Cost(Passwords.ARGON2_MEMORY_KIB, Passwords.ARGON2_ITERATIONS, Passwords.ARGON2_PARALLELISM);
        String hash = new Argon2.Phc(cost, salt, chosen.hash(utf8("pässword"), salt, cost, 32)).encoded();
        assertThat(Passwords.matches("pässword", hash)).as("a hash the Java engine made logs in through libargon2").isTrue();
        assertThat(Passwords.needsRehash(hash)).as("and is kept: it is the current kind").isFalse();
    }

    @Test
    void phcStringsAreStandardBase64WithoutPadding() {
        Argon2.Phc phc = new Argon2.Phc(new Cost(7168, 5, 1), new byte[16], new byte[32]);
        assertThat(phc.encoded()).isEqualTo("$argon2id$v=19$m=7168,t=5,p=1$" + "A".repeat(22) + "$" + "A".repeat(43));
        assertThat(Argon2.Phc.parse(phc.encoded() + "=")).as("padding is not the reference encoding").isNull();
        assertThat(Argon2.Phc.parse(REFERENCE.replace("v=19", "v=16"))).as("only version 1.3").isNull();
        assertThat(Argon2.Phc.parse(REFERENCE.replace("argon2id", "argon2i"))).as("only Argon2id").isNull();
    }
}
