package org.rollcall.kasm;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.kasm.KasmClient.KasmException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The full reconciliation behind {@code rollcall kasm-sync}: reads every Kasm user (get_users) and
 * every Rollcall user and class membership, and makes Kasm say what Rollcall says: creates the
 * missing users, updates names and disabled flags, adds members to their classes' groups. Users
 * that exist only in Kasm are reported, never deleted. The outbox is left alone: what waits there
 * is newer than this and goes out after it.
 */
@ApplicationScoped
public class KasmSync {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PROGRESS_EVERY = 100;

    @Inject
    KasmClient client;
    @Inject
    KasmQueue queue;
    @Inject
    DataSource dataSource;

    /** What a run found and did; with a dry run, what it would do. */
    public record Report(int kasmUsers, int rollcallUsers, List<String> create, List<String> update, List<String> disable,
            List<String> addToGroups, List<String> onlyInKasm, List<String> failures) {

        public boolean clean() {
            return failures.isEmpty();
        }
    }

    private record Wanted(String username, String firstName, String lastName, boolean disabled) {
    }

    public Report run(boolean dryRun, Consumer<String> progress) throws KasmException, SQLException {
        progress.accept("Reading Kasm's users...");
        Map<String, JsonNode> inKasm = new HashMap<>();
        for (JsonNode user : client.call("get_users", Map.of()).path("users")) {
            inKasm.put(user.path("username").asText("").toLowerCase(Locale.ROOT), user);
        }
        progress.accept("Kasm has " + inKasm.size() + " users. Reading Rollcall's users and classes...");
        List<Wanted> users = rollcallUsers();
        Map<String, Set<String>> groups = groupsByUser();
        Report report = new Report(inKasm.size(), users.size(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        int done = 0;
        for (Wanted want : users) {
            try {
                one(want, inKasm.remove(want.username()), groups.getOrDefault(want.username(), Set.of()), dryRun, report);
            } catch (KasmException e) {
                report.failures().add(want.username() + ": " + e.getMessage());
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.accept("Checked " + done + " of " + users.size() + " users");
            }
        }
        report.onlyInKasm().addAll(new TreeSet<>(inKasm.keySet()));
        return report;
    }

    private void one(Wanted want, JsonNode kasm, Set<String> wantedGroups, boolean dryRun, Report report)
            throws KasmException, SQLException {
        String id;
        Set<String> has = new TreeSet<>();
        if (kasm == null) {
            report.create().add(want.username());
            if (dryRun) {
                wantedGroups.forEach(g -> report.addToGroups().add(want.username() + " -> " + g));
                return;
            }
            Map<String, Object> user = fields(want);
            user.put("organization", "");
            user.put("phone", "");
            user.put("password", unknowable());   // Kasm gets a password the next time one is set in Rollcall
            id = KasmClient.user(client.call("create_user", Map.of("target_user", user))).map(u -> u.path("user_id").asText(null))
                    .orElseThrow(() -> new KasmException("create_user: Kasm's answer has no user_id", false));
            queue.rememberKasmUser(want.username(), id);
        } else {
            id = kasm.path("user_id").asText();
            for (JsonNode g : kasm.path("groups")) {
                has.add(g.path("group_id").asText());
            }
            boolean disabled = kasm.path("disabled").asBoolean(false);
            boolean nameDiffers = !want.firstName().equals(kasm.path("first_name").asText(""))
                    || !want.lastName().equals(kasm.path("last_name").asText(""));
            if (want.disabled() && !disabled) {
                report.disable().add(want.username());
            } else if (nameDiffers || want.disabled() != disabled) {
                report.update().add(want.username());
            }
            if (!dryRun) {
                queue.rememberKasmUser(want.username(), id);
                if (nameDiffers || want.disabled() != disabled) {
                    Map<String, Object> user = fields(want);
                    user.put("user_id", id);
                    client.call("update_user", Map.of("target_user", user));
                    if (want.disabled()) {
                        client.call("logout_user", Map.of("target_user", Map.of("user_id", id)));
                    }
                }
            }
        }
        for (String group : wantedGroups) {
            if (!has.contains(group)) {
                report.addToGroups().add(want.username() + " -> " + group);
                if (!dryRun) {
                    client.call("add_user_group", Map.of("target_user", Map.of("user_id", id), "target_group", Map.of("group_id", group)));
                }
            }
        }
    }

    private static Map<String, Object> fields(Wanted want) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", want.username());
        user.put("first_name", want.firstName());
        user.put("last_name", want.lastName());
        user.put("disabled", want.disabled());
        user.put("locked", false);
        return user;
    }

    private List<Wanted> rollcallUsers() throws SQLException {
        List<Wanted> users = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select username, display_name, enabled from app_user order by id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String[] names = KasmOutbox.names(rs.getString(2));
                users.add(new Wanted(rs.getString(1), names[0], names[1], !rs.getBoolean(3)));
            }
        }
        return users;
    }

    /** The Kasm groups each user should be in: those of their classes that map to one. */
    private Map<String, Set<String>> groupsByUser() throws SQLException {
        Map<String, Set<String>> groups = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select u.username, g.kasm_group_id from membership m"
                        + " join app_user u on u.id = m.user_id join app_group g on g.id = m.group_id where g.kasm_group_id is not null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                groups.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return groups;
    }

    private static String unknowable() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
