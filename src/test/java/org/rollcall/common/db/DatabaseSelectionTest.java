package org.rollcall.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSelectionTest {

    private static DatabaseSelection select(Map<String, String> env) {
        return DatabaseSelection.from(env::get);
    }

    @Test
    void noVariablesMeansEmbeddedH2InMySqlModeUnderTheDataDirectory() {
        DatabaseSelection s = select(Map.of("ROLLCALL_DATA_DIR", "/srv/rollcall"));
        assertThat(s.kind()).isEqualTo(DatabaseSelection.Kind.H2);
        assertThat(s.jdbcUrl()).startsWith("jdbc:h2:file:/srv/rollcall/rollcall;MODE=MySQL");
        assertThat(s.description()).isEqualTo("embedded H2 at /srv/rollcall/rollcall.mv.db");
    }

    @Test
    void allThreeMeanMySqlWithDefaultPortAndDatabaseName() {
        DatabaseSelection s = select(Map.of("DB_ENDPOINT", "school.abc.eu-west-1.rds.amazonaws.com", "DB_USERNAME", "admin",
                "DB_PASSWORD", "s3cret!"));
        assertThat(s.kind()).isEqualTo(DatabaseSelection.Kind.MYSQL);
        assertThat(s.jdbcUrl()).startsWith("jdbc:mysql://school.abc.eu-west-1.rds.amazonaws.com:3306/user_management?")
                .contains("sslMode=PREFERRED").doesNotContain("s3cret");
        assertThat(s.username()).isEqualTo("admin");
        assertThat(s.password()).isEqualTo("s3cret!");
        assertThat(s.description()).startsWith("MySQL database 'user_management' at school.abc.eu-west-1.rds.amazonaws.com:3306 as admin")
                .doesNotContain("s3cret");
    }

    @Test
    void portNameAndTlsModeCanBeChosen() {
        Map<String, String> env = new HashMap<>(Map.of("DB_ENDPOINT", "db", "DB_USERNAME", "u", "DB_PASSWORD", "p",
                "DB_PORT", "3307", "DB_NAME", "rollcall", "DB_SSL_MODE", "VERIFY_IDENTITY"));
        assertThat(select(env).jdbcUrl()).startsWith("jdbc:mysql://db:3307/rollcall?").contains("sslMode=VERIFY_IDENTITY");
    }

    @Test
    void partialConfigurationIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> select(Map.of("DB_ENDPOINT", "db.example")))
                .hasMessageContaining("DB_ENDPOINT is set but DB_USERNAME and DB_PASSWORD are missing");
        assertThatThrownBy(() -> select(Map.of("DB_ENDPOINT", "db.example", "DB_USERNAME", "admin")))
                .hasMessageContaining("DB_PASSWORD is missing");
        assertThatThrownBy(() -> select(Map.of("DB_PASSWORD", "secret-value")))
                .hasMessageContaining("DB_ENDPOINT and DB_USERNAME are missing")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void blankCountsAsUnset() {
        assertThat(select(Map.of("DB_ENDPOINT", " ", "DB_USERNAME", "", "DB_PASSWORD", "")).kind())
                .isEqualTo(DatabaseSelection.Kind.H2);
    }

    @Test
    void malformedPortOrNameIsRefused() {
        assertThatThrownBy(() -> select(Map.of("DB_ENDPOINT", "db", "DB_USERNAME", "u", "DB_PASSWORD", "p", "DB_PORT", "33o6")))
                .hasMessageContaining("DB_PORT");
        assertThatThrownBy(() -> select(Map.of("DB_ENDPOINT", "db", "DB_USERNAME", "u", "DB_PASSWORD", "p", "DB_NAME", "x;drop")))
                .hasMessageContaining("DB_NAME");
    }

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
