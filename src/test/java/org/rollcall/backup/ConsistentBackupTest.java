package org.rollcall.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.support.Api;
import org.rollcall.support.FreshDatabase;
import org.rollcall.support.FreshDatabase.Engine;
import org.rollcall.support.TableDump;

import io.quarkus.test.junit.QuarkusTest;

/** A backup taken while the web app writes is the database as of one instant: no torn memberships. */
@QuarkusTest
class ConsistentBackupTest {

    @Inject
    BackupService backups;

    @Inject
    DataSource dataSource;

    /**
     * Deterministic interleaving: right after the backup has read app_user, a user with a
     * membership is added and a user with memberships is deleted, through the API, before the
     * backup reads membership. The backup must still equal the database as it was before.
     */
    @Test
    void writesBetweenTablesDoNotTearTheBackup() throws Exception {
        Roster roster = Roster.create();
        List<Map<String, List<List<String>>>> atSnapshot = new ArrayList<>();
        BackupView backup = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("torn"), null), (table, rows) -> {
            if (table.equals("app_user")) {
                atSnapshot.add(dump());
                String late = Api.createUser("bk-late", "student");
                Api.addMember(roster.classA(), late, "student");
                Api.asAdmin().delete("/api/users/" + roster.students().get(0)).then().statusCode(204);
            }
        });
        assertEquals(1, atSnapshot.size());
        try (FreshDatabase fresh = FreshDatabase.create(Engine.H2, "backup"); Connection target = fresh.connect()) {
            backups.restore(Actor.SYSTEM, backup.id(), target, BackupProgress.NONE);
            assertEquals(atSnapshot.get(0), TableDump.of(target), "restored = the database when the backup started");
        }
    }

    /**
     * Real concurrency: one writer keeps adding students to a class and deleting older ones
     * through the API while the backup runs (the backup waits for a write after each table, so
     * they do overlap). The restored class must match the state after some single write.
     */
    @Test
    void backupUnderConcurrentWritesEqualsOneInstant() throws Exception {
        String code = Api.createGroup(null);
        String prefix = Api.unique("bk-w") + "-";
        List<Set<String>[]> states = new ArrayList<>();
        Object progress = new Object();
        AtomicBoolean stop = new AtomicBoolean();
        record(states, new TreeSet<>(), new TreeSet<>());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            Set<String> users = new TreeSet<>();
            Set<String> members = new TreeSet<>();
            for (int i = 0; !stop.get() && i < 2000; i++) {
                String name = prefix + i;
                create(name);
                users.add(name);
                record(states, users, members);
                Api.addMember(code, name, "student");
                members.add(name);
                record(states, users, members);
                if (i % 3 == 2) {
                    String old = prefix + (i - 2);
                    Api.asAdmin().delete("/api/users/" + old).then().statusCode(204);
                    users.remove(old);
                    members.remove(old);
                    record(states, users, members);
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        });
        BackupView backup;
        try {
            waitForWrites(states, progress, 3);
            backup = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("busy"), null),
                    (table, rows) -> waitForWrites(states, progress, size(states) + 2));
        } finally {
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);
        }
        try (FreshDatabase fresh = FreshDatabase.create(Engine.H2, "backup"); Connection target = fresh.connect()) {
            backups.restore(Actor.SYSTEM, backup.id(), target, BackupProgress.NONE);
            Set<String> users = names(target, "SELECT username FROM app_user WHERE username LIKE ?", prefix);
            Set<String> members = names(target, "SELECT u.username FROM membership m JOIN app_user u ON u.id = m.user_id"
                    + " JOIN app_group g ON g.id = m.group_id WHERE u.username LIKE ? AND g.code = '" + code + "'", prefix);
            synchronized (states) {
                assertTrue(states.size() > 6, "the writer kept writing during the backup");
                boolean match = states.stream().anyMatch(s -> s[0].equals(users) && s[1].equals(members));
                assertTrue(match, "restored users " + users + " and members " + members + " are the state after one single write");
            }
        }
    }

    private static void create(String username) {
        Api.asAdmin().body(Map.of("username", username, "displayName", "Writer " + username, "role", "student", "password", Api.PASSWORD))
                .post("/api/users").then().statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static void record(List<Set<String>[]> states, Set<String> users, Set<String> members) {
        synchronized (states) {
            states.add(new Set[] { new TreeSet<>(users), new TreeSet<>(members) });
        }
    }

    private static int size(List<Set<String>[]> states) {
        synchronized (states) {
            return states.size();
        }
    }

    /** Waits (bounded) until the writer has recorded at least {@code count} states. */
    private static void waitForWrites(List<Set<String>[]> states, Object progress, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (progress) {
            while (size(states) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("the writer made no progress in 30 s");
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    private static Set<String> names(Connection c, String sql, String prefix) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private Map<String, List<List<String>>> dump() {
        try (Connection c = dataSource.getConnection()) {
            return TableDump.of(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
