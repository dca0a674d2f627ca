package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar) started as a child process, the
 * way an operator runs it. The jar is built first when it is missing or older than the compiled
 * classes (./mvnw quarkus:build). The child gets a clean environment: none of this JVM's DB_*,
 * ROLLCALL_* or QUARKUS_* variables, its own empty working directory (so no .env is read) and
 * its own data directory; only what the test passes. Closing stops it (SIGTERM, by PID).
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path APP = PROJECT.resolve("target/quarkus-app");
    private static boolean built;

    private final Process process;
    private final Path work;
    private final boolean ownWorkDir;
    private final Path output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedApp(Process process, Path work, boolean ownWorkDir, Path output, int port) {
        this.process = process;
        this.work = work;
        this.ownWorkDir = ownWorkDir;
        this.output = output;
        this.port = port;
    }

    /** Serves the web app on a free port with the given environment. */
    public static PackagedApp serve(Map<String, String> env) {
        return start(env);
    }

    /** Runs the jar with arguments (a command such as {@code status}) and the given environment. */
    public static PackagedApp start(Map<String, String> env, String... args) {
        try {
            return start(Files.createTempDirectory("rollcall-packaged-"), true, env, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the jar in the given working directory, which is kept when the app stops: a second
     * start there finds the first one's ./data (the H2 database) as an operator's restart would.
     */
    public static PackagedApp start(Path work, Map<String, String> env, String... args) {
        return start(work, false, env, args);
    }

    private static PackagedApp start(Path work, boolean ownWorkDir, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(work);
            int port = freePort();
            Path output = work.resolve("output-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(javaCommand("256m", args)).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> childEnv = builder.environment();
            withoutOwnSettings(childEnv);
            if (ownWorkDir) {
                childEnv.put("ROLLCALL_DATA_DIR", work.resolve("data").toString());
            }
            childEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            childEnv.putAll(env);
            return new PackagedApp(builder.start(), work, ownWorkDir, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged jar, built now if missing or older than target/classes. */
    public static synchronized Path jar() {
        Path jar = APP.resolve("quarkus-run.jar");
        if (!built && (!Files.exists(jar) || olderThanClasses())) {
            build();
        }
        built = true;
        return jar;
    }

    private static boolean olderThanClasses() {
        try (Stream<Path> app = Files.walk(APP.resolve("app")); Stream<Path> classes = Files.walk(PROJECT.resolve("target/classes"))) {
            FileTime packaged = app.filter(Files::isRegularFile).map(PackagedApp::modified).min(FileTime::compareTo).orElse(FileTime.fromMillis(0));
            FileTime compiled = classes.filter(Files::isRegularFile).map(PackagedApp::modified).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
            return packaged.compareTo(compiled) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void build() {
        try {
            Path log = Files.createTempFile("rollcall-package-", ".log");
            Process mvn = new ProcessBuilder(PROJECT.resolve("mvnw").toString(), "-q", "-B", "quarkus:build", "-DskipTests")
                    .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                mvn.destroyForcibly();
                fail("Building the packaged app failed; see " + log + "\n" + tail(Files.readString(log), 3000));
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Settings a child process must not inherit from this JVM's environment: it gets only those a test gives it. */
    private static final List<String> NOT_INHERITED = List.of("DB_", "ADMIN_", "ROLLCALL_", "QUARKUS_", "SOURCE_DB_", "APP_DB_");

    static void withoutOwnSettings(Map<String, String> childEnv) {
        childEnv.keySet().removeIf(name -> NOT_INHERITED.stream().anyMatch(name::startsWith));
    }

    /**
     * JVM options of a child: tests run it briefly on little data, where the C1 compiler alone
     * starts it sooner and with half the CPU, which the test JVM beside it needs.
     */
    public static final List<String> SHORT_RUN = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static List<String> childJvm;

    /**
     * {@link #SHORT_RUN}, and the classes a start loads mapped from a class-data archive of this
     * build, which a first {@code backup list} run writes (a command that starts the runtime): each start then takes about a third less
     * time, and the suite starts the packaged app some hundred times. Should the archive not fit
     * (another build), the JVM ignores it, quietly, and loads the classes from the jars.
     */
    public static synchronized List<String> childJvm() {
        if (childJvm == null) {
            Path archive = PROJECT.resolve("target/children-app-cds.jsa");
            Path jar = jar();
            if (!Files.exists(archive) || modified(archive).compareTo(modified(jar)) < 0) {
                writeArchive(jar, archive);
            }
            List<String> options = new ArrayList<>(SHORT_RUN);
            if (Files.exists(archive)) {
                options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            childJvm = List.copyOf(options);
        }
        return childJvm;
    }

    private static void writeArchive(Path jar, Path archive) {
        try {
            Path work = Files.createTempDirectory("rollcall-archive-");
            Path partial = work.resolve("app-cds.jsa");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:ArchiveClassesAtExit=" + partial));
            command.addAll(SHORT_RUN);
            command.addAll(List.of("-jar", jar.toString(), "backup", "list"));
            PackagedCommand.Result status = PackagedCommand.startIn(work, work, PackagedCommand.h2(work.resolve("data")), command).finish();
            if (status.exitCode() == 0 && Files.exists(partial)) {
                Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                deleteTree(work);
            } else {
                System.err.println("No class-data archive for the packaged app's test runs (they start slower); see " + work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line that runs the packaged jar with these arguments in a child JVM with this much heap. */
    static List<String> javaCommand(String maxHeap, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap));
        command.addAll(childJvm());
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The java binary of this JVM, so the child runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("The packaged app did not exit within " + timeout + ". Output:\n" + tail(output(), 4000));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /q/health/ready answers 200; fails with the output if the process ends first. */
    public PackagedApp awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The packaged app exited with " + process.exitValue() + " before it was ready. Output:\n" + tail(output(), 6000));
            }
            if (get("/q/health/ready").statusCode() == 200) {
                return this;
            }
            pause();
        }
        fail("The packaged app was not ready within " + timeout + ". Output:\n" + tail(output(), 6000));
        return this;
    }

    /** A GET on the running app; status -1 when it cannot be reached. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unreachable(request.build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public static void pause() {
        try {
            Thread.sleep(250); // polling interval of a bounded wait, not a stand-in for synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }

    /** Stops the app (SIGTERM by PID: a graceful shutdown) and deletes its working directory. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (ownWorkDir) {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }

    private record Unreachable(HttpRequest request) implements HttpResponse<String> {
        public int statusCode() { return -1; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return request.uri(); }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
