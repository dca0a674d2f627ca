package org.rollcall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Rollcall export files written by the tests themselves, as sources with known content. */
public final class SourceFiles {

    private static final List<String> NAMES = List.of("Zoë Ñúñez", "李雷", "Ünïcödé 🚀🎓", "Đorđe Š. O'Brien-Łukasz", "Ada Lovelace");
    private static final Instant START = Instant.parse("2021-09-01T07:30:00.123456Z");
    private static List<String> hashes;

    private SourceFiles() {
    }

    /** A few real bcrypt hashes (computing one per user would be slow) and a Werkzeug one. */
    private static synchronized List<String> hashes() {
        if (hashes == null) {
            hashes = List.of(BcryptUtil.bcryptHash("first-password-1"), BcryptUtil.bcryptHash("second-password-2"),
                    BcryptUtil.bcryptHash("third-password-3"),
                    "pbkdf2:sha256:260000$lygsE1d7eyiVnLNa$83fd4635d5075960572e43b0bc4ee5e4ff7dfd4e7efc6f44d6e4b4e0d9e9e6c1");
        }
        return hashes;
    }

    /**
     * A varied export: unicode names, missing emails, every role, disabled accounts, pending
     * password changes, logins or none, periods and descriptions or none, micro-second times.
     * Each user is in {@code perUser} classes; every fifth user teaches.
     */
    public static Path write(Path file, int users, int groups, int perUser, boolean fakeHashes) {
        Function<Instant, String> time = Instant::toString;
        ObjectNode root = ExportFile.MAPPER.createObjectNode();
        root.put("format", "rollcall-export");
        root.put("formatVersion", 1);
        root.put("exportedAt", START.toString());
        root.put("exportedFrom", "a test");
        root.put("warning", "test data");
        ArrayNode groupArray = root.putArray("groups");
        for (int g = 1; g <= groups; g++) {
            Instant created = START.plus(Duration.ofMinutes(g * 7L)).plusNanos(g * 1000L);
            ObjectNode group = groupArray.addObject();
            group.put("code", "RT-" + g);
            group.put("name", "Klasse " + NAMES.get(g % NAMES.size()) + " " + g);
            group.put("term", g % 3 == 0 ? "2023-24" : "2024-25");
            group.put("period", g % 2 == 0 ? null : String.valueOf(g % 8));
            group.put("description", g % 4 == 0 ? null : "Beschreibung ✓ " + g);
            group.put("createdAt", time.apply(created));
            group.put("updatedAt", time.apply(created.plus(Duration.ofDays(g))));
        }
        ArrayNode userArray = root.putArray("users");
        ArrayNode membershipArray = root.putArray("memberships");
        for (int u = 1; u <= users; u++) {
            String username = (u % 9 == 0 ? "rt.user_" : "rt-user-") + u;
            String role = u % 97 == 0 ? "admin" : u % 5 == 0 ? "teacher" : "student";
            Instant created = START.plus(Duration.ofSeconds(u * 61L)).plusNanos(u % 1000 * 1000L);
            ObjectNode user = userArray.addObject();
            user.put("username", username);
            user.put("displayName", NAMES.get(u % NAMES.size()) + " " + u);
            user.put("email", u % 7 == 0 ? null : username + "@example.org");
            user.put("role", role);
            user.put("enabled", u % 11 != 0);
            user.put("mustChangePassword", u % 13 == 0);
            user.put("lastLoginAt", u % 3 == 0 ? null : time.apply(created.plus(Duration.ofDays(30)).plusNanos(u * 1000L)));
            user.put("createdAt", time.apply(created));
            user.put("updatedAt", time.apply(created.plus(Duration.ofHours(u % 48))));
            user.put("passwordHash", u % 10 == 0 ? null : fakeHashes ? fakeBcrypt(u) : hashes().get(u % hashes().size()));
            for (int k = 0; k < perUser; k++) {
                ObjectNode membership = membershipArray.addObject();
                membership.put("group", "RT-" + ((u * 3 + k * 5) % groups + 1));
                membership.put("username", username);
                membership.put("role", role.equals("student") || k > 0 ? "student" : "teacher");
                membership.put("createdAt", time.apply(created.plus(Duration.ofMinutes(k + 1L))));
            }
        }
        try {
            ExportFile.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Well-formed (a migrate takes hashes as they are) and different for every user. */
    private static String fakeBcrypt(int u) {
        String digits = String.format("%053d", u).replace('0', 'a');
        return "$2a$10$" + digits;
    }
}
