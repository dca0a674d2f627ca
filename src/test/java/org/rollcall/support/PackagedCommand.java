package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs the packaged app (target/quarkus-app/quarkus-run.jar) as a child process, the way an admin
 * runs a command from a shell. The jar is built first when it is missing or older than the
 * compiled classes (see PackagedApp#jar; the first such test of a fresh checkout waits for that build). The child gets a clean
 * environment: no DB_* unless given (so it never lands in the suite's own database), its own
 * working directory (no stray .env), logs at WARN and a 512 MB heap.
 */
public final class PackagedCommand {

    private static final AtomicInteger RUNS = new AtomicInteger();

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + "\n" + stderr;
        }
    }

    /** A started command: its process and the directory it runs in (stdout.txt, stderr.txt). */
    public record Launch(Process process, Path dir) {

        public String stdout() {
            return read(dir.resolve("stdout.txt"));
        }

        public String stderr() {
            return read(dir.resolve("stderr.txt"));
        }

        /** Waits (at most five minutes) for the command to finish. */
        public Result finish() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("The command in " + dir + " did not finish within 5 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Result(process.exitValue(), stdout(), stderr());
        }

        /** Polls stderr until it satisfies the condition; false if the process ended or the deadline passed first. */
        public boolean awaitStderr(Predicate<String> condition, Duration deadline) {
            long end = System.nanoTime() + deadline.toNanos();
            while (System.nanoTime() < end) {
                if (condition.test(stderr())) {
                    return true;
                }
                if (!process.isAlive()) {
                    return condition.test(stderr());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    private PackagedCommand() {
    }

    /** Runs a command to completion with stdin closed, i.e. not on a terminal. */
    public static Result run(Path scratch, Map<String, String> env, String... args) {
        return start(scratch, env, args).finish();
    }

    public static Launch start(Path scratch, Map<String, String> env, String... args) {
        return start(scratch, env, commandLine(args));
    }

    /** The command line of a command: the packaged jar in a child JVM, with these arguments. */
    public static List<String> commandLine(String... args) {
        return PackagedApp.javaCommand("512m", args);
    }

    /** Starts any command line with the same clean environment (e.g. the app under 'script' for a terminal). */
    public static Launch start(Path scratch, Map<String, String> env, List<String> command) {
        try {
            Path dir = Files.createDirectories(scratch.resolve("run-" + RUNS.incrementAndGet()));
            return startIn(dir, dir, env, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a command line in {@code workDir}, its output in {@code dir} (stdout.txt, stderr.txt). */
    public static Launch startIn(Path workDir, Path dir, Map<String, String> env, List<String> command) {
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            PackagedApp.withoutOwnSettings(builder.environment());
            builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            builder.environment().putAll(env);
            return new Launch(builder.start(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment for an H2 database in {@code dir} (ROLLCALL_DATA_DIR). */
    public static Map<String, String> h2(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ROLLCALL_DATA_DIR", dir.toString());
        return env;
    }

    /** The environment for a database on the local MariaDB (see {@link MariaDb#rollcallEnv}). */
    public static Map<String, String> mariaDb(String database) {
        return new LinkedHashMap<>(MariaDb.rollcallEnv(database));
    }

    public static String java() {
        return PackagedApp.java();
    }

    /** The packaged jar, built first if it is missing or older than the compiled classes (see {@link PackagedApp#jar}). */
    public static Path jar() {
        return PackagedApp.jar();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
