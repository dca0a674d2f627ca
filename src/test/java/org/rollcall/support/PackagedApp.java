package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar) started as its own process, the
 * way an operator runs it. Used by *IT tests, which run after `package`. Closing it stops it.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("rollcall.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("The packaged application is missing at " + jar + ": run ./mvnw verify (tests named *IT run after packaging)");
        }
        return jar;
    }

    /**
     * Starts the app in a fresh working directory with exactly the given DB_* and other variables
     * (the test's own DB_* variables are removed first) and the given arguments.
     */
    public static PackagedApp start(Path workDir, Map<String, String> env, String... args) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-Dquarkus.http.port=" + port, "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path log = workDir.resolve("app-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("ROLLCALL_") || k.startsWith("ADMIN_"));
        builder.environment().putAll(env);
        return new PackagedApp(builder.start(), log, port);
    }

    /** Waits until /q/health/ready answers 200, or fails with the log when the deadline passes or the process dies. */
    public PackagedApp awaitReady(Duration deadline) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                fail("The application exited with " + process.exitValue() + " before it was ready:\n" + log());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        fail("The application was not ready within " + deadline + ":\n" + log());
        return this;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("The application did not exit within " + deadline + ":\n" + log());
        }
        return process.exitValue();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
