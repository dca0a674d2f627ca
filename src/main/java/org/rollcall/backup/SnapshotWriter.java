package org.rollcall.backup;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes what one consistent read of the database holds. The data file has, per table, a header
 * line then one JSON array per row (and, in an incremental backup, {"d":[key]} per row deleted
 * since the parent). The keys file has a fingerprint per row, which is what the next incremental
 * compares against. Each table is its own gzip member so a restore can go straight to it.
 */
final class SnapshotWriter {

    static final ObjectMapper LINE = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Header(String table, List<List<String>> columns, List<String> key, boolean complete) {
    }

    private final DbTables schema;
    private final Map<String, Map<String, String>> parentKeys;
    private final MessageDigest digest = BackupStore.sha256();

    /** @param parentKeys row fingerprints of the parent per table, or null for a full backup */
    SnapshotWriter(DbTables schema, Map<String, Map<String, String>> parentKeys) {
        this.schema = schema;
        this.parentKeys = parentKeys;
    }

    List<Manifest.TableEntry> write(Connection c, Path dataFile, Path keysFile, BackupProgress progress) throws IOException, SQLException {
        List<Manifest.TableEntry> entries = new ArrayList<>();
        try (CountingStream data = new CountingStream(Files.newOutputStream(dataFile));
                CountingStream keys = new CountingStream(Files.newOutputStream(keysFile))) {
            for (DbTables.Table table : schema.tables()) {
                long dataStart = data.count;
                long keysStart = keys.count;
                long[] counts;
                try (Writer dataOut = GzipMembers.writer(data); Writer keysOut = GzipMembers.writer(keys)) {
                    counts = writeTable(c, table, dataOut, keysOut);
                }
                entries.add(new Manifest.TableEntry(table.name(), counts[0], counts[1], counts[2],
                        dataStart, data.count - dataStart, keysStart, keys.count - keysStart));
                progress.tableDone(table.name(), counts[0]);
            }
        }
        return entries;
    }

    /** @return rows in the table, rows written, rows deleted since the parent */
    private long[] writeTable(Connection c, DbTables.Table table, Writer data, Writer keys) throws IOException, SQLException {
        Map<String, String> parent = parentKeys == null || !table.hasKey() ? null
                : new HashMap<>(parentKeys.getOrDefault(table.name(), Map.of()));
        boolean complete = parent == null;
        List<List<String>> columns = table.columns().stream().map(col -> List.of(col.name(), col.kind().name())).toList();
        Header header = new Header(table.name(), columns, table.key(), complete);
        data.write(LINE.writeValueAsString(header));
        data.write('\n');
        keys.write(LINE.writeValueAsString(header));
        keys.write('\n');
        long rows = 0;
        long written = 0;
        int[] keyIndexes = table.keyIndexes();
        int settingName = table.name().equalsIgnoreCase(DbTables.SETTINGS_TABLE)
                ? table.columns().stream().map(DbTables.Column::name).toList().indexOf("name") + 1 : 0;
        StringBuilder line = new StringBuilder(256);
        StringBuilder key = new StringBuilder(32);
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            if (schema.isMysql()) {
                s.setFetchSize(Integer.MIN_VALUE); // stream rows instead of holding the whole table in memory
            } else {
                s.setFetchSize(1000);
            }
            try (ResultSet rs = s.executeQuery(schema.selectAll(table))) {
                int n = table.columns().size();
                int[] starts = new int[n + 1];
                while (rs.next()) {
                    if (settingName > 0 && DbTables.INSTANCE_SETTINGS.contains(rs.getString(settingName))) {
                        continue;
                    }
                    rows++;
                    line.setLength(0);
                    line.append('[');
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        starts[i] = line.length();
                        JsonValues.append(line, rs, i + 1, table.columns().get(i).kind());
                    }
                    starts[n] = line.length() + 1;
                    line.append(']');
                    if (!table.hasKey()) {
                        data.append(line).write('\n');
                        written++;
                        continue;
                    }
                    key.setLength(0);
                    key.append('[');
                    for (int k = 0; k < keyIndexes.length; k++) {
                        if (k > 0) {
                            key.append(',');
                        }
                        key.append(line, starts[keyIndexes[k]], starts[keyIndexes[k] + 1] - 1);
                    }
                    key.append(']');
                    String keyText = key.toString();
                    String hash = fingerprint(line);
                    keys.append(hash).append(' ').append(keyText).write('\n');
                    if (parent == null || !hash.equals(parent.remove(keyText))) {
                        data.append(line).write('\n');
                        written++;
                    }
                }
            }
        }
        long deleted = 0;
        if (parent != null) {
            for (String gone : parent.keySet()) {
                data.append("{\"d\":").append(gone).append("}\n");
                deleted++;
            }
        }
        return new long[] { rows, written, deleted };
    }

    private String fingerprint(CharSequence line) {
        byte[] full = digest.digest(line.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, 16);
    }

    /** Row fingerprints per table from a backup's keys file (already checked against its checksum). */
    static Map<String, Map<String, String>> readKeys(Path keysFile, Manifest manifest) throws IOException {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (Manifest.TableEntry entry : manifest.tables()) {
            Map<String, String> keys = new HashMap<>((int) Math.min(Integer.MAX_VALUE, entry.rows() * 4 / 3 + 16));
            try (BufferedReader in = GzipMembers.reader(keysFile, entry.keysOffset(), entry.keysLength())) {
                in.readLine(); // header
                for (String l; (l = in.readLine()) != null;) {
                    int space = l.indexOf(' ');
                    keys.put(l.substring(space + 1), l.substring(0, space));
                }
            }
            all.put(entry.name(), keys);
        }
        return all;
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(new java.io.BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
