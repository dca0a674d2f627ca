package org.rollcall.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.backup.SafetyBackup;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.support.Api;
import org.rollcall.support.FreshDatabase;
import org.rollcall.support.FreshDatabase.Engine;
import org.rollcall.support.TableDump;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BackupRestoreTest {

    @Inject
    BackupService backups;

    @Inject
    DataSource dataSource;

    @Inject
    SafetyBackup safetyBackup;

    @Test
    void roundTripIntoFreshH2GivesBackTheSameRowsAndLogins() throws Exception {
        roundTrip(Engine.H2);
    }

    @Test
    void roundTripIntoFreshMariaDbGivesBackTheSameRowsAndLogins() throws Exception {
        roundTrip(Engine.MARIADB);
    }

    private void roundTrip(Engine engine) throws Exception {
        Roster roster = Roster.create();
        Map<String, List<List<String>>> before = sourceDump();
        BackupView backup = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("round-trip"), "test"));
        assertEquals(before, sourceDump(), "nothing wrote to the source while the test ran");
        assertEquals(Manifest.Status.COMPLETED, backup.status());
        assertEquals(before.get("app_user").size(), count(backup, "app_user"));

        try (FreshDatabase fresh = FreshDatabase.create(engine, "backup"); Connection target = fresh.connect()) {
            BackupService.RestoreReport report = backups.restore(Actor.SYSTEM, backup.id(), target, BackupProgress.NONE);
            assertEquals(List.of(backup.id()), report.chain());
            Map<String, List<List<String>>> after = TableDump.of(target);
            for (String table : before.keySet()) {
                assertEquals(before.get(table), after.get(table), "table " + table + " restored row by row");
            }
            for (String user : List.of(roster.teacher(), roster.students().get(0), roster.students().get(1), roster.disabled(), roster.mustChange())) {
                assertTrue(Passwords.matches(Api.PASSWORD, passwordHash(target, user)), user + " logs in with the password they had");
            }
            try (Statement s = target.createStatement()) {
                s.executeUpdate("INSERT INTO app_group (code, name, term, created_at, updated_at) VALUES ('AFTERRESTORE', 'n', 't', NOW(), NOW())");
                try (ResultSet rs = s.executeQuery("SELECT MAX(id) = (SELECT id FROM app_group WHERE code = 'AFTERRESTORE') FROM app_group")) {
                    rs.next();
                    assertTrue(rs.getBoolean(1), "new rows get ids after the restored ones");
                }
            }
        }
    }

    @Test
    void restoreIntoADatabaseWithDataIsRefusedAndChangesNothing() throws Exception {
        Roster.create();
        BackupView backup = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("refuse"), null));
        try (Connection live = dataSource.getConnection()) {
            Map<String, List<List<String>>> before = TableDump.of(live);
            DomainException e = assertThrows(DomainException.class,
                    () -> backups.restore(Actor.SYSTEM, backup.id(), live, BackupProgress.NONE));
            assertEquals(409, e.status());
            assertTrue(e.getMessage().contains("not empty"), e.getMessage());
            assertEquals(before, TableDump.of(live));
        }
        try (FreshDatabase fresh = FreshDatabase.create(Engine.H2, "backup"); Connection target = fresh.connect()) {
            try (Statement s = target.createStatement()) {
                s.executeUpdate("INSERT INTO app_group (code, name, term, created_at, updated_at) VALUES ('ONLYONE', 'n', 't', NOW(), NOW())");
            }
            Map<String, List<List<String>>> before = TableDump.of(target);
            DomainException e = assertThrows(DomainException.class,
                    () -> backups.restore(Actor.SYSTEM, backup.id(), target, BackupProgress.NONE));
            assertTrue(e.getMessage().contains("app_group has 1 row"), e.getMessage());
            assertEquals(before, TableDump.of(target));
        }
    }

    @Test
    void aRestoreThatFailsPartWayTakesOutWhatItWrote() throws Exception {
        Roster.create();
        BackupView backup = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("part-way"), null));
        try (FreshDatabase fresh = FreshDatabase.create(Engine.H2, "backup"); Connection target = fresh.connect()) {
            try (Statement s = target.createStatement()) {
                s.execute("ALTER TABLE membership ADD COLUMN extra INT NOT NULL"); // the inserts into membership will fail
            }
            SnapshotRestorer restorer = new SnapshotRestorer(new BackupStore(backups.directory()),
                    backups.chain(Actor.SYSTEM, backup.id()), 1, 1); // commit after every row
            assertThrows(SQLException.class, () -> restorer.restore(target, BackupProgress.NONE));
            assertTrue(TableDump.of(target).values().stream().allMatch(List::isEmpty), "users and classes written before were removed");
        }
    }

    @Test
    void corruptedOrTruncatedBackupIsDetectedBeforeAnythingIsWritten() throws Exception {
        Roster.create();
        BackupView flipped = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("flipped"), null));
        BackupView truncated = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("truncated"), null));
        try (RandomAccessFile f = new RandomAccessFile(file(flipped, BackupStore.DATA).toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        try (RandomAccessFile f = new RandomAccessFile(file(truncated, BackupStore.DATA).toFile(), "rw")) {
            f.setLength(f.length() - 10);
        }
        for (BackupView bad : List.of(flipped, truncated)) {
            try (FreshDatabase fresh = FreshDatabase.create(Engine.H2, "backup"); Connection target = fresh.connect()) {
                DomainException e = assertThrows(DomainException.class,
                        () -> backups.restore(Actor.SYSTEM, bad.id(), target, BackupProgress.NONE));
                assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
                assertTrue(TableDump.of(target).values().stream().allMatch(List::isEmpty), "nothing was written");
            }
        }
        DomainException e = assertThrows(DomainException.class, () -> backups.create(Actor.SYSTEM,
                new BackupRequest(Api.unique("on-corrupt"), null, true, flipped.id())));
        assertTrue(e.getMessage().contains("is corrupt"), "an incremental never builds on a corrupt parent: " + e.getMessage());
    }

    @Test
    void incrementalChainWithDeletionsRestoresToTheLatestStateOnH2() throws Exception {
        incrementalChain(Engine.H2);
    }

    @Test
    void incrementalChainWithDeletionsRestoresToTheLatestStateOnMariaDb() throws Exception {
        incrementalChain(Engine.MARIADB);
    }

    private void incrementalChain(Engine engine) throws Exception {
        Roster roster = Roster.create();
        BackupView full = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("chain-full"), null));

        String newcomer = Api.createUser("bk-new", "student");
        Api.addMember(roster.classA(), newcomer, "student");
        Api.asAdmin().delete("/api/users/" + roster.students().get(0)).then().statusCode(204); // and their memberships
        Api.asAdmin().post("/api/users/" + roster.disabled() + "/enable").then().statusCode(200);
        BackupView first = backups.create(Actor.SYSTEM, new BackupRequest(Api.unique("chain-1"), null, true, full.id()));
        assertEquals(Manifest.Kind.INCREMENTAL, first.kind());
        assertEquals(full.id(), first.parentId());
        BackupView.TableCount users = table(first, "app_user");
        assertEquals(2, users.written(), "only the new and the changed user are in the incremental");
        assertEquals(1, users.deleted());
        BackupView.TableCount members = table(first, "membership");
        assertEquals(1, members.written());
        assertEquals(2, members.deleted());

        Api.asAdmin().delete("/api/groups/" + roster.classB()).then().statusCode(204);
        String late = Api.createUser("bk-late", "teacher");
        Api.addMember(roster.classA(), late, "teacher");
        BackupView second = backups.create(Actor.SYSTEM, new BackupRequest(Api.unique("chain-2"), null, true, null));
        assertEquals(first.id(), second.parentId(), "the newest completed backup is the default parent");
        Map<String, List<List<String>>> source = sourceDump();

        try (FreshDatabase fresh = FreshDatabase.create(engine, "backup"); Connection target = fresh.connect()) {
            BackupService.RestoreReport report = backups.restore(Actor.SYSTEM, second.id(), target, BackupProgress.NONE);
            assertEquals(List.of(second.id(), first.id(), full.id()), report.chain());
            Map<String, List<List<String>>> restored = TableDump.of(target);
            for (String t : source.keySet()) {
                assertEquals(source.get(t), restored.get(t), "table " + t + " after applying the chain");
            }
            assertFalse(restored.get("app_user").stream().anyMatch(r -> r.contains(roster.students().get(0))), "deleted user stays deleted");
        }

        DomainException e = assertThrows(DomainException.class, () -> backups.delete(Actor.SYSTEM, full.id()));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains(first.id()), e.getMessage());
        backups.delete(Actor.SYSTEM, second.id());
        backups.delete(Actor.SYSTEM, first.id());
        backups.delete(Actor.SYSTEM, full.id());
        assertTrue(backups.find(Actor.SYSTEM, full.id()).isEmpty());
    }

    @Test
    void initAndMigrateGetAFullBackupWhenTheDatabaseHoldsData() {
        Roster.create();
        String id = safetyBackup.takeIfData("before init").orElseThrow(); // what init and migrate are handed
        BackupView taken = backups.find(Actor.SYSTEM, id).orElseThrow();
        assertEquals(Manifest.Status.COMPLETED, taken.status());
        assertEquals(Manifest.Kind.FULL, taken.kind());
        assertEquals("auto before init", taken.name());
    }

    @Test
    void aBackupLeftBuildingByADeadProcessIsShownAsFailed() throws Exception {
        BackupStore store = new BackupStore(backups.directory());
        Manifest abandoned = Manifest.started(store.newId(java.time.Instant.now()), Api.unique("killed"), null,
                Manifest.Kind.FULL, null, java.time.Instant.now());
        store.create(abandoned);
        store.write(abandoned.building(java.time.Instant.now(), "test"));
        java.nio.file.Files.writeString(store.partOf(store.file(abandoned.id(), BackupStore.DATA)), "half written");

        BackupView seen = backups.find(Actor.SYSTEM, abandoned.id()).orElseThrow();
        assertEquals(Manifest.Status.FAILED, seen.status());
        assertTrue(seen.failure().contains("Interrupted"), seen.failure());
        DomainException e = assertThrows(DomainException.class, () -> backups.chain(Actor.SYSTEM, abandoned.id()));
        assertEquals(409, e.status());
        backups.delete(Actor.SYSTEM, abandoned.id());
    }

    private Map<String, List<List<String>>> sourceDump() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return TableDump.of(c);
        }
    }

    private Path file(BackupView backup, String name) {
        return new BackupStore(backups.directory()).file(backup.id(), name);
    }

    private static long count(BackupView backup, String table) {
        return table(backup, table).rows();
    }

    private static BackupView.TableCount table(BackupView backup, String table) {
        return backup.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static String passwordHash(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), username + " restored");
                return rs.getString(1);
            }
        }
    }
}
