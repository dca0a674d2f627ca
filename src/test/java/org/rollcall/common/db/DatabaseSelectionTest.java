package org.rollcall.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations settings of the database selection: TLS options and refusing H2. */
class DatabaseSelectionTest {

    private static Map<String, String> mysql() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_ENDPOINT", "db.example.org");
        env.put("DB_USERNAME", "app");
        env.put("DB_PASSWORD", "secret-pw");
        return env;
    }

    @Test
    void requireDatabaseRefusesH2ButNotMysql() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DatabaseSelection.from(Map.of("ROLLCALL_REQUIRE_DATABASE", "true")::get));
        assertTrue(e.getMessage().startsWith("ROLLCALL_REQUIRE_DATABASE=true but none of DB_ENDPOINT"), e.getMessage());
        Map<String, String> env = mysql();
        env.put("ROLLCALL_REQUIRE_DATABASE", "true");
        assertEquals(DatabaseSelection.Kind.MYSQL, DatabaseSelection.from(env::get).kind());
        assertEquals(DatabaseSelection.Kind.H2, DatabaseSelection.from(Map.of("ROLLCALL_REQUIRE_DATABASE", "false")::get).kind());
    }

    @Test
    void sslModeIsCheckedAndDescribedWithoutThePassword() {
        Map<String, String> env = mysql();
        env.put("DB_SSL_MODE", "verify_identity");
        DatabaseSelection selection = DatabaseSelection.from(env::get);
        assertTrue(selection.jdbcUrl().contains("sslMode=VERIFY_IDENTITY"));
        assertEquals("MySQL database 'user_management' at db.example.org:3306 as app (VERIFY_IDENTITY: TLS, server"
                + " certificate and host name verified)", selection.description());
        env.put("DB_SSL_MODE", "ALWAYS");
        assertTrue(assertThrows(IllegalStateException.class, () -> DatabaseSelection.from(env::get)).getMessage()
                .startsWith("DB_SSL_MODE must be one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY"));
        assertTrue(DatabaseSelection.from(mysql()::get).jdbcUrl().contains("sslMode=PREFERRED"), "the default without a CA");
    }

    @Test
    void trustStorePasswordsStayOutOfTheUrl() {
        Map<String, String> env = mysql();
        env.put("DB_SSL_CA_KEYSTORE", "/etc/rollcall/rds.p12");
        env.put("DB_SSL_CA_KEYSTORE_PASSWORD", "store-secret");
        DatabaseSelection selection = DatabaseSelection.from(env::get);
        assertTrue(selection.jdbcUrl().contains("sslMode=VERIFY_CA&trustCertificateKeyStoreUrl=file:///etc/rollcall/rds.p12"));
        assertTrue(!selection.jdbcUrl().contains("store-secret") && !selection.description().contains("store-secret"));
        assertEquals("store-secret", selection.driverProperties().get("trustCertificateKeyStorePassword"));
    }

    @Test
    void aPemBundleBecomesATrustStoreAndBadOnesAreExplained(@TempDir Path dir) throws Exception {
        Map<String, String> env = mysql();
        env.put("DB_SSL_CA", dir.resolve("missing.pem").toString());
        assertTrue(assertThrows(IllegalStateException.class, () -> DatabaseSelection.from(env::get)).getMessage()
                .contains("cannot be read"));
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        env.put("DB_SSL_CA", notPem.toString());
        assertTrue(assertThrows(IllegalStateException.class, () -> DatabaseSelection.from(env::get)).getMessage()
                .contains("DB_SSL_CA"));
        env.put("DB_SSL_CA_KEYSTORE", "/etc/x.p12");
        assertTrue(assertThrows(IllegalStateException.class, () -> DatabaseSelection.from(env::get)).getMessage()
                .contains("not both"));
    }
}
