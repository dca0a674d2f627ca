package org.rollcall.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The legacy Flask app's data in src/test/resources/legacy, made by make-fixtures.py with
 * Werkzeug itself: the SQLite database, the same rows for MySQL, data.json and the clear-text
 * passwords behind the hashes.
 */
public final class LegacyFixtures {

    private LegacyFixtures() {
    }

    /** Copies a fixture file to {@code dir} and returns its path (a child process needs a real file). */
    public static Path copy(String name, Path dir) {
        try (InputStream in = resource(name)) {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** uid -> clear-text password. */
    public static Map<String, String> passwords() {
        try (InputStream in = resource("passwords.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** uid -> the Werkzeug hash stored in the legacy SQLite database. */
    public static Map<String, String> hashes(Path scratch) {
        Path db = copy("user_management.db", scratch);
        Map<String, String> hashes = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select _uid, _password from users order by id")) {
            while (rs.next()) {
                hashes.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /** Creates the legacy tables with the fixture rows in a MariaDB/MySQL database. */
    public static void loadIntoMySql(String database) {
        try (InputStream in = resource("user_management.mysql.sql");
                Connection c = MariaDb.connect(database);
                Statement s = c.createStatement()) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : sql.split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    s.execute(line.substring(0, line.lastIndexOf(';')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LegacyFixtures.class.getResourceAsStream("/legacy/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing test fixture legacy/" + name + ": run src/test/resources/legacy/make-fixtures.py");
        }
        return in;
    }
}
