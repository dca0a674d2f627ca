package org.rollcall.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rollcall.common.DomainException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Puts a backup chain (a full backup and the incrementals on top of it) into an empty database.
 * Every file is checked against its checksum, and the target against the backup, before the
 * first row is written; the rows then go in parents before children, each row in its newest
 * version from the chain. A restore that fails part way removes what it wrote.
 */
final class SnapshotRestorer {

    private final BackupStore store;
    private final List<Manifest> chain;
    private final int batchSize;
    private final int commitEvery;

    /** @param chain the backup to restore first, then its parent, down to the full backup */
    SnapshotRestorer(BackupStore store, List<Manifest> chain) {
        this(store, chain, 1000, 20_000);
    }

    SnapshotRestorer(BackupStore store, List<Manifest> chain, int batchSize, int commitEvery) {
        this.store = store;
        this.chain = List.copyOf(chain);
        this.batchSize = batchSize;
        this.commitEvery = commitEvery;
    }

    /** Fails with the first file whose size or SHA-256 is not what its manifest recorded. */
    void verify() {
        for (Manifest m : chain) {
            for (Manifest.FileEntry expected : List.of(m.data(), m.keys())) {
                Path path = store.file(m.id(), expected.name());
                if (!Files.exists(path)) {
                    throw DomainException.conflict("Backup " + m.id() + " is incomplete: " + expected.name() + " is missing.");
                }
                Manifest.FileEntry actual;
                try {
                    actual = BackupStore.measure(path);
                } catch (IOException e) {
                    throw DomainException.conflict("Backup " + m.id() + " cannot be read: " + e.getMessage());
                }
                if (actual.size() != expected.size() || !actual.sha256().equals(expected.sha256())) {
                    throw DomainException.conflict("Backup " + m.id() + " is corrupt: " + expected.name() + " has "
                            + actual.size() + " bytes with SHA-256 " + actual.sha256() + ", but the backup recorded "
                            + expected.size() + " bytes with SHA-256 " + expected.sha256() + ". Nothing was restored.");
                }
            }
        }
    }

    /** @return rows restored per table */
    Map<String, Long> restore(Connection c, BackupProgress progress) throws SQLException, IOException {
        verify();
        DbTables target = DbTables.of(c);
        checkTarget(c, target);
        Set<String> ownSettings = settingNames(c, target);
        Manifest newest = chain.get(0);
        Set<String> inBackup = newest.tables().stream().map(Manifest.TableEntry::name).collect(Collectors.toSet());
        Map<String, Long> restored = new LinkedHashMap<>();
        List<DbTables.Table> touched = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (DbTables.Table table : target.tables()) {
                if (inBackup.contains(table.name())) {
                    touched.add(table);
                    long rows = restoreTable(c, target, table, ownSettings);
                    restored.put(table.name(), rows);
                    progress.tableDone(table.name(), rows);
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            undo(c, target, touched, ownSettings, e);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return restored;
    }

    /**
     * Rows are committed in chunks (one huge transaction is much slower on H2), so a failed
     * restore takes out what it put in: the target was empty but for its own settings, which stay.
     */
    private static void undo(Connection c, DbTables target, List<DbTables.Table> touched, Set<String> ownSettings, Exception cause) {
        try (Statement s = c.createStatement()) {
            for (int i = touched.size() - 1; i >= 0; i--) {
                DbTables.Table table = touched.get(i);
                String where = "";
                if (table.name().equalsIgnoreCase(DbTables.SETTINGS_TABLE)) {
                    where = ownSettings.isEmpty() ? "" : " WHERE name NOT IN (" + String.join(", ",
                            ownSettings.stream().map(n -> "'" + n.replace("'", "''") + "'").toList()) + ")";
                }
                s.executeUpdate("DELETE FROM " + target.quoted(table.name()) + where);
            }
            c.commit();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private SnapshotWriter.Header header(Manifest m, Manifest.TableEntry entry) {
        try (BufferedReader in = GzipMembers.reader(store.file(m.id(), m.data().name()), entry.dataOffset(), entry.dataLength())) {
            return SnapshotWriter.LINE.readValue(in.readLine(), SnapshotWriter.Header.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read backup " + m.id(), e);
        }
    }

    private void checkTarget(Connection c, DbTables target) throws SQLException {
        Manifest newest = chain.get(0);
        String version = DbTables.schemaVersion(c);
        if (version == null) {
            throw DomainException.conflict("The target database has no Rollcall schema; start Rollcall on it once (or run"
                    + " migrate) so the schema exists, then restore.");
        }
        if (newest.schemaVersion() != null && DbTables.compareVersions(newest.schemaVersion(), version) > 0) {
            throw DomainException.conflict("Backup " + newest.id() + " was taken at schema version " + newest.schemaVersion()
                    + ", newer than this database's " + version + ". Restore it with a Rollcall at least as new as the one that"
                    + " took it. Nothing was restored.");
        }
        List<String> problems = new ArrayList<>();
        for (Manifest m : chain) {
            for (Manifest.TableEntry entry : m.tables()) {
                Optional<DbTables.Table> table = target.table(entry.name());
                if (table.isEmpty()) {
                    problems.add("table " + entry.name() + " does not exist here");
                    continue;
                }
                for (List<String> column : header(m, entry).columns()) {
                    if (table.get().column(column.get(0)).isEmpty()) {
                        problems.add("column " + entry.name() + "." + column.get(0) + " does not exist here");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.conflict("The target database does not match the backup: " + String.join("; ", problems)
                    + ". Nothing was restored.");
        }
        List<String> notEmpty = target.dataCounts(c).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " has " + e.getValue() + (e.getValue() == 1 ? " row" : " rows")).toList();
        if (!notEmpty.isEmpty()) {
            throw DomainException.conflict("The target database is not empty (" + String.join(", ", notEmpty) + "). A backup is"
                    + " restored only into an empty database, a fresh instance, never on top of live data. Nothing was changed.");
        }
    }

    private long restoreTable(Connection c, DbTables target, DbTables.Table table, Set<String> ownSettings)
            throws SQLException, IOException {
        boolean settings = table.name().equalsIgnoreCase(DbTables.SETTINGS_TABLE);
        Set<String> seen = chain.size() > 1 ? new HashSet<>() : null;
        long inserted = 0;
        for (Manifest m : chain) {
            Optional<Manifest.TableEntry> entry = m.tables().stream().filter(t -> t.name().equals(table.name())).findFirst();
            if (entry.isEmpty()) {
                continue;
            }
            Path data = store.file(m.id(), m.data().name());
            boolean complete;
            try (BufferedReader in = GzipMembers.reader(data, entry.get().dataOffset(), entry.get().dataLength())) {
                SnapshotWriter.Header header = SnapshotWriter.LINE.readValue(in.readLine(), SnapshotWriter.Header.class);
                complete = header.complete();
                List<String> names = header.columns().stream().map(col -> col.get(0)).toList();
                List<DbTables.Kind> kinds = header.columns().stream().map(col -> DbTables.Kind.valueOf(col.get(1))).toList();
                int[] targetTypes = new int[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    targetTypes[i] = table.column(name).orElseThrow().jdbcType(); // checked before the first write
                }
                int[] keyIndexes = header.key().stream().mapToInt(names::indexOf).toArray();
                int nameIndex = settings ? names.indexOf("name") : -1;
                try (PreparedStatement insert = c.prepareStatement(target.insert(table, names))) {
                    int batch = 0;
                    for (String line; (line = in.readLine()) != null;) {
                        JsonNode node = SnapshotWriter.LINE.readTree(line);
                        if (node.isObject()) { // {"d":[key]}: deleted since the parent, so older versions are not restored
                            if (seen != null) {
                                seen.add(node.get("d").toString());
                            }
                            continue;
                        }
                        ArrayNode row = (ArrayNode) node;
                        if (seen != null && keyIndexes.length > 0 && !seen.add(keyOf(row, keyIndexes))) {
                            continue;
                        }
                        if (nameIndex >= 0 && ownSettings.contains(row.get(nameIndex).asText())) {
                            continue;
                        }
                        for (int i = 0; i < names.size(); i++) {
                            JsonValues.bind(insert, i + 1, kinds.get(i), row.get(i), targetTypes[i], target.isMysql());
                        }
                        insert.addBatch();
                        inserted++;
                        if (++batch == batchSize) {
                            insert.executeBatch();
                            batch = 0;
                            if (inserted % commitEvery == 0) {
                                c.commit();
                            }
                        }
                    }
                    if (batch > 0) {
                        insert.executeBatch();
                    }
                }
            }
            if (complete) {
                break;
            }
        }
        return inserted;
    }

    private static String keyOf(ArrayNode row, int[] keyIndexes) {
        ArrayNode key = SnapshotWriter.LINE.createArrayNode();
        for (int k : keyIndexes) {
            key.add(row.get(k));
        }
        return key.toString();
    }

    /** Settings the target instance already made for itself (its session key): they stay as they are. */
    private static Set<String> settingNames(Connection c, DbTables target) throws SQLException {
        Set<String> names = new HashSet<>(DbTables.INSTANCE_SETTINGS);
        if (target.table(DbTables.SETTINGS_TABLE).isPresent()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM " + target.quoted(DbTables.SETTINGS_TABLE))) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
