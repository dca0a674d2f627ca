package org.rollcall.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
        assertThat(s.description()).isEqualTo("MySQL database 'user_management' at school.abc.eu-west-1.rds.amazonaws.com:3306")
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
}
