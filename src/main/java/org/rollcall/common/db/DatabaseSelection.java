package org.rollcall.common.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides, from the DB_* variables, which database this instance uses: MySQL when
 * DB_ENDPOINT, DB_USERNAME and DB_PASSWORD are all set, embedded H2 when none is.
 * Anything in between is an operator mistake and is refused rather than guessed at.
 * {@code driverProperties} go to the driver beside the URL, for what must not be logged with it.
 */
public record DatabaseSelection(Kind kind, String jdbcUrl, String username, String password, String description,
        Map<String, String> driverProperties) {

    public DatabaseSelection(Kind kind, String jdbcUrl, String username, String password, String description) {
        this(kind, jdbcUrl, username, password, description, Map.of());
    }

    /** The driver properties as JDBC wants them, for DriverManager.getConnection. */
    public java.util.Properties connectionProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(driverProperties);
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return properties;
    }

    public enum Kind { H2, MYSQL }

    static final List<String> REQUIRED = List.of("DB_ENDPOINT", "DB_USERNAME", "DB_PASSWORD");
    static final List<String> SSL_MODES = List.of("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY");

    public static DatabaseSelection from(Function<String, String> env) {
        List<String> set = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            (isBlank(env.apply(name)) ? missing : set).add(name);
        }
        if (set.isEmpty()) {
            if ("true".equalsIgnoreCase(orDefault(env.apply("ROLLCALL_REQUIRE_DATABASE"), "false"))) {
                throw new IllegalStateException("ROLLCALL_REQUIRE_DATABASE=true but none of DB_ENDPOINT, DB_USERNAME and"
                        + " DB_PASSWORD is set. Refusing to start on an embedded H2 database: set the three DB_* variables"
                        + " to your MySQL/RDS database.");
            }
            return h2(env);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Incomplete database configuration: " + String.join(", ", set)
                    + (set.size() == 1 ? " is" : " are") + " set but " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Set all of DB_ENDPOINT, DB_USERNAME and"
                    + " DB_PASSWORD to use MySQL, or none of them to use the embedded H2 database.");
        }
        return mysql(env);
    }

    private static DatabaseSelection h2(Function<String, String> env) {
        Path dir = Path.of(orDefault(env.apply("ROLLCALL_DATA_DIR"), "data")).toAbsolutePath().normalize();
        // AUTO_SERVER: the process that opens the file first serves it to others (on a random port of
        // 127.0.0.1, with a key only readers of data/ know), so that a command reaches the database of
        // a running app. Set here, before any H2 connection, so dev mode and tests bind no other address.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        String url = "jdbc:h2:file:" + dir.resolve("rollcall")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE;AUTO_SERVER=TRUE";
        return new DatabaseSelection(Kind.H2, url, "sa", "", "embedded H2 at " + dir.resolve("rollcall.mv.db"));
    }

    private static DatabaseSelection mysql(Function<String, String> env) {
        String endpoint = env.apply("DB_ENDPOINT").trim();
        String port = orDefault(env.apply("DB_PORT"), "3306");
        String name = orDefault(env.apply("DB_NAME"), "user_management");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalStateException("DB_PORT must be a port number, got '" + port + "'");
        }
        if (!name.matches("[A-Za-z0-9_$]{1,64}")) {
            throw new IllegalStateException("DB_NAME must be a plain MySQL database name, got '" + name + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> hidden = new LinkedHashMap<>();
        params.put("characterEncoding", "UTF-8");
        params.put("connectionCollation", "utf8mb4_unicode_ci");
        params.put("rewriteBatchedStatements", "true");
        // Connector/J parses every statement it prepares; each pooled connection keeps the parse of
        // the statements it ran (Hibernate's run to 1-2 KB): 11-15% more creates a second on MariaDB.
        params.put("cachePrepStmts", "true");
        params.put("prepStmtCacheSize", "250");
        params.put("prepStmtCacheSqlLimit", "4096");
        String pem = env.apply("DB_SSL_CA");
        String ca = env.apply("DB_SSL_CA_KEYSTORE");
        String sslMode = orDefault(env.apply("DB_SSL_MODE"), isBlank(pem) && isBlank(ca) ? "PREFERRED" : "VERIFY_CA")
                .toUpperCase(java.util.Locale.ROOT);
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalStateException("DB_SSL_MODE must be one of " + String.join(", ", SSL_MODES) + "; got '" + sslMode + "'");
        }
        params.put("sslMode", sslMode);
        if (!isBlank(pem) && !isBlank(ca)) {
            throw new IllegalStateException("Set DB_SSL_CA (a PEM bundle) or DB_SSL_CA_KEYSTORE (a JKS/PKCS12 trust store), not both");
        }
        if (!isBlank(pem)) {
            PemTrustStore.Store store = PemTrustStore.from(Path.of(pem.trim()));
            params.put("trustCertificateKeyStoreUrl", store.path().toUri().toString());
            params.put("trustCertificateKeyStoreType", "PKCS12");
            hidden.put("trustCertificateKeyStorePassword", store.password());
            // only the given CAs, not the JVM's public ones, may vouch for the database
            params.put("fallbackToSystemTrustStore", "false");
        } else if (!isBlank(ca)) {
            params.put("trustCertificateKeyStoreUrl", Path.of(ca).toUri().toString());
            params.put("trustCertificateKeyStoreType", ca.endsWith(".jks") ? "JKS" : "PKCS12");
            params.put("fallbackToSystemTrustStore", "false");
            String caPassword = env.apply("DB_SSL_CA_KEYSTORE_PASSWORD");
            if (!isBlank(caPassword)) {
                hidden.put("trustCertificateKeyStorePassword", caPassword);
            }
        }
        StringBuilder url = new StringBuilder("jdbc:mysql://").append(endpoint).append(':').append(port).append('/').append(name);
        char sep = '?';
        for (var e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        String tls = switch (sslMode) {
            case "DISABLED" -> "without TLS";
            case "PREFERRED" -> "TLS if offered, server not verified";
            case "REQUIRED" -> "TLS required, server not verified";
            case "VERIFY_CA" -> "TLS, server certificate verified";
            default -> "TLS, server certificate and host name verified";
        };
        return new DatabaseSelection(Kind.MYSQL, url.toString(), env.apply("DB_USERNAME"), env.apply("DB_PASSWORD"),
                "MySQL database '" + name + "' at " + endpoint + ":" + port + " as " + env.apply("DB_USERNAME").trim()
                        + " (" + sslMode + ": " + tls + ")", Map.copyOf(hidden));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String orDefault(String value, String fallback) {
        return isBlank(value) ? fallback : value.trim();
    }
}
