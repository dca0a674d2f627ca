import java.util.Locale;

import org.rollcall.auth.Passwords;

/**
 * What one password check costs one core: the app's own check of a hash it made (Passwords: Argon2id
 * at its cost, by the engine it chooses here), timed on one thread after a warm-up. A login costs the
 * server at least this; the login load can reach at most (cores x 1000 / this) logins a second. Run by
 * scripts/bench with the app's JIT options:
 *   java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' scripts/bench.d/HashCost.java [checks]
 * Prints the milliseconds of one check, then the engine that computed it ("native libargon2").
 */
public class HashCost {

    public static void main(String[] args) {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String password = "Bench-Pass-2026!";
        String hash = Passwords.hash(password);
        for (int i = 0; i < 5; i++) {
            check(password, hash);
        }
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            check(password, hash);
        }
        System.out.printf(Locale.ROOT, "%.1f %s%n", (System.nanoTime() - start) / 1e6 / checks, Passwords.argon2Engine());
    }

    private static void check(String password, String hash) {
        if (!Passwords.matches(password, hash)) {
            throw new IllegalStateException("the password check failed");
        }
    }
}
