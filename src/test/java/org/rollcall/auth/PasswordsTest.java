package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Which passwords log in against which stored hashes, and which hashes the next login replaces. */
class PasswordsTest {

    /** Made by the reference argon2 (phc-winner-argon2's test vector): another system's hash, within bounds. */
    private static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void aNewHashIsArgon2idAtTheDocumentedCostAndOnlyItsPasswordMatches() {
        String hash = Passwords.hash("Zoë's pässword 🦉");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Passwords.matches("Zoë's pässword 🦉", hash)).isTrue();
        assertThat(Passwords.matches("Zoe's password 🦉", hash)).isFalse();
        assertThat(Passwords.matches("Zoë's pässword", hash)).isFalse();
        assertThat(Passwords.matches("", hash)).isFalse();
        assertThat(Passwords.hash("Zoë's pässword 🦉")).as("a new salt each time").isNotEqualTo(hash);
        assertThat(Passwords.needsRehash(hash)).as("the current kind is kept").isFalse();
        assertThat(Passwords.unsupportedHashReason(hash)).isNull();
    }

    @Test
    void anArgon2idHashFromAnotherSystemLogsInAndIsReplacedAtTheNextLogin() {
        assertThat(Passwords.unsupportedHashReason(REFERENCE)).as("migrate takes it").isNull();
        assertThat(Passwords.matches("password", REFERENCE)).isTrue();
        assertThat(Passwords.matches("Password", REFERENCE)).isFalse();
        assertThat(Passwords.needsRehash(REFERENCE)).as("64 MiB, 2 passes is not Rollcall's cost").isTrue();
    }

    @Test
    void bcryptAndWerkzeugHashesStillLogInAndAreReplacedAtTheNextLogin() {
        String bcrypt = BcryptUtil.bcryptHash("correct-horse-1", 10);
        // Werkzeug's check_password_hash accepts it for "Grüße-2019"
        String werkzeug = "pbkdf2:sha256:1000$pR0vSR4W$4c3d7d4f8bfcff5dc576f95f2cac1716d9c634ba78e9e546a6b353409fb02f15";
        String generated = Passwords.hashGenerated("Mn7pQr2sTu9vWx");
        assertThat(Passwords.matches("correct-horse-1", bcrypt)).isTrue();
        assertThat(Passwords.matches("correct-horse-2", bcrypt)).isFalse();
        assertThat(Passwords.matches("Mn7pQr2sTu9vWx", generated)).isTrue();
        assertThat(Passwords.matches("Mn7pQr2sTu9vWX", generated)).isFalse();
        assertThat(Passwords.matches("Grüße-2019", werkzeug)).isTrue();
        assertThat(Passwords.matches("Grusse-2019", werkzeug)).isFalse();
        for (String hash : List.of(bcrypt, werkzeug, generated)) {
            assertThat(Passwords.needsRehash(hash)).as(hash.substring(0, 7)).isTrue();
            assertThat(Passwords.unsupportedHashReason(hash)).as(hash.substring(0, 7)).isNull();
        }
    }

    @Test
    void anArgon2idHashBeyondTheBoundsIsRefusedWithoutBeingComputed() {
        String salt = "c29tZXNhbHRzb21lc2FsdA"; // 16 bytes
        String tag = "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"; // 32 bytes
        List<String> hostile = List.of(
                "$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + tag,   // 4 GiB
                "$argon2id$v=19$m=65536,t=10,p=1$" + salt + "$" + tag,    // 64 MiB x 10 passes
                "$argon2id$v=19$m=7168,t=11,p=1$" + salt + "$" + tag,
                "$argon2id$v=19$m=7168,t=1000000,p=1$" + salt + "$" + tag,
                "$argon2id$v=19$m=7168,t=0,p=1$" + salt + "$" + tag,
                "$argon2id$v=19$m=7168,t=5,p=16$" + salt + "$" + tag,
                "$argon2id$v=19$m=8,t=1,p=4$" + salt + "$" + tag,        // less than 8 KiB per lane
                "$argon2id$v=19$m=7168,t=5,p=1$c29tZQ$" + tag,           // 4 bytes of salt
                "$argon2id$v=19$m=7168,t=5,p=1$" + salt + "$AAAAAAAAAA");  // 7 bytes of hash
        for (String hash : hostile) {
            assertThat(Passwords.matchesArgon2("password", hash, (password, s, cost, length) -> fail("computed " + cost)))
                    .as(hash).isFalse();
            assertThat(Passwords.unsupportedHashReason(hash)).as(hash)
                    .startsWith("is an Argon2id hash outside what Rollcall checks (m=")
                    .contains("m <= 65536 KiB, passes t <= 10, lanes p <= 4")
                    .doesNotContain(tag);
        }
        assertThat(Passwords.matches("password", hostile.get(0))).as("a login against it answers no").isFalse();
    }

    @Test
    void aWerkzeugHashThatWouldHoldALoginForMinutesIsRefusedWithoutComputingIt() {
        String tooMany = "pbkdf2:sha256:999999999$pR0vSR4W$4c3d7d4f8bfcff5dc576f95f2cac1716d9c634ba78e9e546a6b353409fb02f15";
        String tooLong = "pbkdf2:sha256:1000$pR0vSR4W$" + "ab".repeat(5000);
        for (String hash : List.of(tooMany, tooLong)) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(Passwords.matches("Grüße-2019", hash)).as(hash).isFalse());
            assertThat(Passwords.unsupportedHashReason(hash)).as(hash)
                    .startsWith("is a Werkzeug hash outside what Rollcall checks (more than 2000000 iterations")
                    .doesNotContain("4c3d7d4f");
        }
        assertThat(Passwords.unsupportedHashReason("pbkdf2:sha256:1000000$pR0vSR4W$4c3d7d4f8bfcff5dc576f95f2cac1716d9c634ba78e9e546a6b353409fb02f15"))
                .as("Werkzeug 3.1's own default").isNull();
    }

    @Test
    void whatMigrateRefusesItSaysWhyAndWhatItAccepts() {
        assertThat(Passwords.unsupportedHashReason("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"))
                .startsWith("uses 'argon2i', which Rollcall cannot check: only Argon2id ($argon2id$v=19$")
                .contains("bcrypt ($2a$) and Werkzeug pbkdf2:sha256/sha512/sha1");
        assertThat(Passwords.unsupportedHashReason("$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
                .startsWith("uses 'argon2id', which Rollcall cannot check");
        assertThat(Passwords.unsupportedHashReason("hunter22")).as("a password in clear is not named")
                .startsWith("is not a password hash Rollcall recognises: only Argon2id").doesNotContain("hunter22");
    }
}
