package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A private MariaDB server for tests that must not touch the shared one on 3306: bootstrapped
 * into a temporary directory with mariadb-install-db, listening on a free port of 127.0.0.1 with
 * TLS from a certificate authority made here with openssl (plus a second, unrelated "wrong" CA).
 * It has one database and one user that must use TLS. {@link #close} stops it by PID and deletes it.
 */
public final class OwnMariaDbServer implements AutoCloseable {

    public static final String DATABASE = "rollcall_tls";
    public static final String USER = "rollcall_tls";
    public static final String PASSWORD = "tls-test-pw";

    private final Path dir;
    private final int port;
    private Process process;

    private OwnMariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** mariadbd, mariadb-install-db and openssl: skipped without them on a laptop, a failure in CI. */
    public static void requireTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : new String[] { "mariadbd", "mariadb-install-db", "openssl" }) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "This test starts its own MariaDB server with TLS and needs " + String.join(", ", missing)
                + " on the PATH (Debian: apt-get install -y mariadb-server openssl).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    static boolean onPath(String tool) {
        return inPath(tool) || Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    public static OwnMariaDbServer startWithTls() {
        requireTools();
        try {
            OwnMariaDbServer server = new OwnMariaDbServer(Files.createTempDirectory("rollcall-mariadb-"), PackagedApp.freePort());
            server.makeCertificates();
            server.bootstrap();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The CA that signed the server's certificate, PEM. */
    public Path ca() {
        return dir.resolve("ca.pem");
    }

    /** A CA that has nothing to do with this server, PEM. */
    public Path wrongCa() {
        return dir.resolve("wrong-ca.pem");
    }

    public Path dir() {
        return dir;
    }

    public String jdbcUrl(String params) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?" + params;
    }

    private void makeCertificates() {
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Rollcall Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", "ca-key.pem", "-out", "ca.pem");
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Some Other CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-keyout", "wrong-ca-key.pem", "-out", "wrong-ca.pem");
        exec("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server-key.pem",
                "-out", "server.csr");
        write("server-ext.cnf", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        exec("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", "server-ext.cnf", "-out", "server-cert.pem");
    }

    private void bootstrap() {
        exec("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve");
        StringBuilder init = new StringBuilder("CREATE DATABASE IF NOT EXISTS " + DATABASE
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        for (String host : new String[] { "%", "localhost", "127.0.0.1" }) {
            init.append("CREATE USER IF NOT EXISTS '").append(USER).append("'@'").append(host).append("' IDENTIFIED BY '")
                    .append(PASSWORD).append("' REQUIRE SSL;\n")
                    .append("GRANT ALL PRIVILEGES ON ").append(DATABASE).append(".* TO '").append(USER).append("'@'")
                    .append(host).append("';\n");
        }
        write("init.sql", init.toString());
    }

    private void start() throws IOException {
        List<String> command = List.of(tool("mariadbd"), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + System.getProperty("user.name"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--log-error=" + dir.resolve("error.log"), "--skip-name-resolve", "--skip-log-bin",
                "--innodb-buffer-pool-size=32M", "--init-file=" + dir.resolve("init.sql"),
                "--ssl-ca=" + ca(), "--ssl-cert=" + dir.resolve("server-cert.pem"), "--ssl-key=" + dir.resolve("server-key.pem"));
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mariadbd.out").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String lastProblem = "";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("mariadbd exited with " + process.exitValue() + ":\n" + read("error.log"));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("sslMode=REQUIRED"), USER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                lastProblem = e.getMessage();
            }
            PackagedApp.pause();
        }
        close();
        fail("mariadbd did not accept connections within 60 s (" + lastProblem + "):\n" + read("error.log"));
    }

    /** Stops the server (SIGTERM by PID, then waits); the files stay until {@link #close}. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }

    private void exec(String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        full.set(0, tool(command[0]));
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("setup.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " failed:\n" + read("setup.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** mariadbd lives in /usr/sbin, which is not on every user's PATH. */
    private static String tool(String name) {
        return inPath(name) ? name : "/usr/sbin/" + name;
    }

    private static boolean inPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String name) {
        try {
            return PackagedApp.tail(Files.readString(dir.resolve(name)), 4000);
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }
}
