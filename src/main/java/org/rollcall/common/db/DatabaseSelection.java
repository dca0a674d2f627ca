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
 */
public record DatabaseSelection(Kind kind, String jdbcUrl, String username, String password, String description) {

    public enum Kind { H2, MYSQL }

    static final List<String> REQUIRED = List.of("DB_ENDPOINT", "DB_USERNAME", "DB_PASSWORD");

    public static DatabaseSelection from(Function<String, String> env) {
        List<String> set = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            (isBlank(env.apply(name)) ? missing : set).add(name);
        }
        if (set.isEmpty()) {
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
        String url = "jdbc:h2:file:" + dir.resolve("rollcall")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE";
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
        params.put("characterEncoding", "UTF-8");
        params.put("connectionCollation", "utf8mb4_unicode_ci");
        params.put("rewriteBatchedStatements", "true");
        params.put("sslMode", orDefault(env.apply("DB_SSL_MODE"), "PREFERRED"));
        String ca = env.apply("DB_SSL_CA_KEYSTORE");
        if (!isBlank(ca)) {
            params.put("trustCertificateKeyStoreUrl", Path.of(ca).toUri().toString());
            params.put("trustCertificateKeyStoreType", ca.endsWith(".jks") ? "JKS" : "PKCS12");
            String caPassword = env.apply("DB_SSL_CA_KEYSTORE_PASSWORD");
            if (!isBlank(caPassword)) {
                params.put("trustCertificateKeyStorePassword", caPassword);
            }
        }
        StringBuilder url = new StringBuilder("jdbc:mysql://").append(endpoint).append(':').append(port).append('/').append(name);
        char sep = '?';
        for (var e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return new DatabaseSelection(Kind.MYSQL, url.toString(), env.apply("DB_USERNAME"), env.apply("DB_PASSWORD"),
                "MySQL database '" + name + "' at " + endpoint + ":" + port);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String orDefault(String value, String fallback) {
        return isBlank(value) ? fallback : value.trim();
    }
}
