package org.rollcall.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rollcall.support.OwnMariaDbServer;
import org.rollcall.support.PackagedApp;

/**
 * TLS to the database as it is set up for RDS: DB_SSL_MODE and the CA bundle (PEM, as RDS
 * publishes it, or a trust store made by scripts/rds-ca-truststore), against a MariaDB server of
 * our own that only accepts TLS and whose certificate is signed by a CA made for this test.
 * Last, the packaged app runs on it and its readiness goes DOWN when the server stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseTlsIT {

    private static OwnMariaDbServer server;

    @BeforeAll
    static void startServer() {
        server = OwnMariaDbServer.startWithTls();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> env(String sslMode, String caVariable, Path ca) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_ENDPOINT", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(server.port()));
        env.put("DB_NAME", OwnMariaDbServer.DATABASE);
        env.put("DB_USERNAME", OwnMariaDbServer.USER);
        env.put("DB_PASSWORD", OwnMariaDbServer.PASSWORD);
        if (sslMode != null) {
            env.put("DB_SSL_MODE", sslMode);
        }
        if (caVariable != null) {
            env.put(caVariable, ca.toString());
        }
        return env;
    }

    /** Connects with exactly the URL the app would use; returns the TLS version in use. */
    private static String connect(Map<String, String> env) throws SQLException {
        DatabaseSelection selection = DatabaseSelection.from(env::get);
        try (Connection c = DriverManager.getConnection(selection.jdbcUrl(), selection.connectionProperties());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
            return rs.next() ? rs.getString(2) : "";
        }
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }

    @Test
    @Order(1)
    void verifyCaWithTheRdsStylePemBundleConnectsOverTls() throws SQLException {
        assertTrue(connect(env("VERIFY_CA", "DB_SSL_CA", server.ca())).startsWith("TLSv1."));
        // the server certificate names 127.0.0.1, so the host name check passes too
        assertTrue(connect(env("VERIFY_IDENTITY", "DB_SSL_CA", server.ca())).startsWith("TLSv1."));
        // a CA alone means "verify": VERIFY_CA is the default then
        assertTrue(DatabaseSelection.from(env(null, "DB_SSL_CA", server.ca())::get).jdbcUrl().contains("sslMode=VERIFY_CA"));
        assertTrue(connect(env(null, "DB_SSL_CA", server.ca())).startsWith("TLSv1."));
    }

    @Test
    @Order(2)
    void aServerSignedByAnotherCaIsRefused() {
        SQLException refused = assertThrows(SQLException.class, () -> connect(env("VERIFY_CA", "DB_SSL_CA", server.wrongCa())));
        assertTrue(causes(refused).contains("SSLHandshakeException") && causes(refused).contains("CertPathValidatorException"),
                causes(refused));
        // without any CA given, the JVM's public CAs do not vouch for it either
        assertThrows(SQLException.class, () -> connect(env("VERIFY_CA", null, null)));
    }

    @Test
    @Order(3)
    void theUserMustUseTlsAndRequiredEncryptsWithoutVerifying() throws SQLException {
        assertTrue(connect(env("REQUIRED", null, null)).startsWith("TLSv1."));
        assertThrows(SQLException.class, () -> connect(env("DISABLED", null, null)), "the server's user is REQUIRE SSL");
    }

    @Test
    @Order(4)
    void aTrustStoreMadeByTheScriptWorksToo() throws Exception {
        Path store = server.dir().resolve("rds-ca.p12");
        Process script = new ProcessBuilder("scripts/rds-ca-truststore", server.ca().toString(), store.toString(), "store-pw-1")
                .redirectErrorStream(true).start();
        String out = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue(), out);
        Map<String, String> env = env("VERIFY_CA", "DB_SSL_CA_KEYSTORE", store);
        env.put("DB_SSL_CA_KEYSTORE_PASSWORD", "store-pw-1");
        assertTrue(connect(env).startsWith("TLSv1."));

        Path wrong = server.dir().resolve("wrong.p12");
        Process other = new ProcessBuilder("scripts/rds-ca-truststore", server.wrongCa().toString(), wrong.toString(), "store-pw-1")
                .redirectErrorStream(true).start();
        other.getInputStream().readAllBytes();
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        env.put("DB_SSL_CA_KEYSTORE", wrong.toString());
        assertThrows(SQLException.class, () -> connect(env));
    }

    @Test
    @Order(5)
    void thePackagedAppRunsOverVerifiedTlsAndIsNotReadyWhenTheDatabaseGoes() {
        Map<String, String> env = env("VERIFY_IDENTITY", "DB_SSL_CA", server.ca());
        env.put("ADMIN_PASSWORD", "tls-admin-password-1");
        try (PackagedApp app = PackagedApp.serve(env)) {
            app.awaitReady(Duration.ofMinutes(3));
            assertTrue(app.output().contains("at 127.0.0.1:" + server.port() + " as rollcall_tls (VERIFY_IDENTITY"), app.output());
            assertTrue(app.get("/q/health/ready").body().contains("\"UP\""));

            server.stop();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            int status = 0;
            while (Instant.now().isBefore(deadline) && (status = app.get("/q/health/ready").statusCode()) != 503) {
                PackagedApp.pause();
            }
            assertEquals(503, status, "readiness must report DOWN once the database is gone");
            assertTrue(app.get("/q/health/ready").body().contains("\"DOWN\""));
            assertEquals(200, app.get("/q/health/live").statusCode(), "the process itself is alive: no restart needed");
        }
    }
}
