package org.rollcall.transfer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.sqlite.SQLiteConfig;

/**
 * Opens what the operator named as the source: a JDBC URL (H2, MySQL, SQLite), a database file
 * (.mv.db: Rollcall on H2; .db/.sqlite: the legacy app on SQLite) or a JSON file (a Rollcall
 * export or the legacy data.json). Database sources are recognised by their tables.
 */
public final class Sources {

    /**
     * Rollcall's H2 settings (without DATABASE_TO_LOWER its lower-case tables cannot be found);
     * lazy execution streams a large table instead of copying it into a temporary result first.
     * Read-only: a source is never written, and closing it does not spend a second compacting it.
     */
    private static final List<String> H2_SETTINGS = List.of("IFEXISTS=TRUE", "MODE=MySQL", "DATABASE_TO_LOWER=TRUE",
            "CASE_INSENSITIVE_IDENTIFIERS=TRUE", "IGNORECASE=TRUE", "LAZY_QUERY_EXECUTION=TRUE", "ACCESS_MODE_DATA=r");

    public record Options(String user, String password, List<String> teachers, String defaultTerm) {
    }

    private Sources() {
    }

    /** Opens the source; {@code targetUrl} is this instance's database, which cannot be its own source. */
    public static Source open(String location, Options options, String targetUrl) throws Exception {
        if (location.startsWith("jdbc:")) {
            return openJdbc(location, options, targetUrl);
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IOException("No such file: " + path + ". Give a JDBC URL (jdbc:h2:..., jdbc:mysql://..., jdbc:sqlite:...),"
                    + " a database file (.mv.db, .db) or a JSON file.");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String magic = magic(path);
        if (name.endsWith(".mv.db")) {
            String base = path.toString();
            return openJdbc("jdbc:h2:file:" + base.substring(0, base.length() - ".mv.db".length()), options, targetUrl);
        }
        if (magic.startsWith("SQLite format 3")) {
            return openJdbc("jdbc:sqlite:" + path, options, targetUrl);
        }
        if (magic.startsWith("{") || magic.startsWith("[") || name.endsWith(".json")) {
            return openJson(new JsonFile(path), options);
        }
        throw new IOException(path + " is neither a JSON file, an H2 database (.mv.db) nor a SQLite database.");
    }

    private static String magic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
            return head.stripLeading();
        }
    }

    private static Source openJson(JsonFile file, Options options) throws Exception {
        var header = file.header();
        if (header.containsKey("format")) {
            if (!RollcallJson.FORMAT.equals(header.get("format").asText())) {
                throw new IOException(file.path() + " has \"format\": " + header.get("format") + "; migrate reads \""
                        + RollcallJson.FORMAT + "\" files (from rollcall export) and the legacy data.json.");
            }
            return new RollcallJsonSource(file);
        }
        return new LegacyJsonSource(file, new LegacyMapping(options.teachers(), options.defaultTerm()));
    }

    private static Source openJdbc(String url, Options options, String targetUrl) throws Exception {
        if (sameDatabase(url, targetUrl)) {
            throw new IOException("The source is the database this Rollcall runs on: migrate copies another database into"
                    + " this one. Point DB_* (or ROLLCALL_DATA_DIR) at the target database.");
        }
        Connection connection;
        String description;
        boolean mysql = false;
        if (url.startsWith("jdbc:h2:")) {
            String h2 = withH2Settings(url);
            Properties props = credentials(options.user() == null ? "sa" : options.user(), options.password());
            connection = new org.h2.Driver().connect(h2, props);
            description = "H2 database " + url.substring("jdbc:h2:".length()).split(";", 2)[0];
        } else if (url.startsWith("jdbc:mysql:")) {
            mysql = true;
            connection = new com.mysql.cj.jdbc.Driver().connect(url, credentials(options.user(), options.password()));
            String hostAndDb = url.substring("jdbc:mysql://".length()).split("\\?", 2)[0];
            // never a password, even one written into the URL as user:password@host
            description = "MySQL database " + hostAndDb.substring(hostAndDb.lastIndexOf('@') + 1);
        } else if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()).split("\\?", 2)[0]);
            if (!Files.isRegularFile(file)) {
                throw new IOException("No such SQLite file: " + file.toAbsolutePath());
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            connection = new org.sqlite.JDBC().connect(url, config.toProperties());
            description = "SQLite database " + file.toAbsolutePath().normalize();
        } else {
            throw new IOException("Unsupported JDBC URL: migrate reads jdbc:h2:, jdbc:mysql: and jdbc:sqlite: sources.");
        }
        if (connection == null) {
            throw new IOException("No driver accepted " + description);
        }
        try {
            if (!url.startsWith("jdbc:sqlite:")) {
                connection.setReadOnly(true); // SQLite was opened read-only and refuses the change
            }
            Set<String> tables = tables(connection);
            if (tables.containsAll(Set.of("app_user", "app_group", "membership"))) {
                return new RollcallJdbcSource(connection, mysql, "Rollcall " + description);
            }
            if (tables.containsAll(Set.of("users", "sections", "user_sections"))) {
                return new LegacyJdbcSource(connection, mysql, "legacy Flask " + description,
                        new LegacyMapping(options.teachers(), options.defaultTerm()));
            }
            throw new IOException(description + " has neither Rollcall's tables (app_user, app_group, membership) nor the"
                    + " legacy app's (users, sections, user_sections). Tables found: " + (tables.isEmpty() ? "none" : String.join(", ", tables)));
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    static String withH2Settings(String url) {
        StringBuilder result = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String setting : H2_SETTINGS) {
            if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                result.append(';').append(setting);
            }
        }
        return result.toString();
    }

    private static Properties credentials(String user, String password) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password == null ? "" : password);
        return props;
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /**
     * Whether a JDBC source URL names the database this instance runs on. Copying a database
     * into itself would change nothing at best; it is refused.
     */
    static boolean sameDatabase(String sourceUrl, String targetUrl) {
        return location(sourceUrl).equals(location(targetUrl));
    }

    private static String location(String url) {
        if (url.startsWith("jdbc:h2:")) {
            String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            return "h2:" + Path.of(path).toAbsolutePath().normalize();
        }
        if (url.startsWith("jdbc:mysql://")) {
            String hostAndDb = url.substring("jdbc:mysql://".length()).split("\\?", 2)[0].toLowerCase(Locale.ROOT);
            int slash = hostAndDb.indexOf('/');
            String host = slash < 0 ? hostAndDb : hostAndDb.substring(0, slash);
            String db = slash < 0 ? "" : hostAndDb.substring(slash + 1);
            host = host.contains(":") ? host : host + ":3306";
            host = host.replace("localhost:", "127.0.0.1:");
            return "mysql:" + host + "/" + db;
        }
        return url;
    }
}
