package org.rollcall.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup is, stored as manifest.json beside its data. The catalogue is nothing more than
 * these files, so copying a backup's directory into another backup directory brings it along.
 */
public record Manifest(
        String format,
        String id,
        String name,
        String description,
        Kind kind,
        String parentId,
        Status status,
        String failure,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String source,
        String schemaVersion,
        List<TableEntry> tables,
        FileEntry data,
        FileEntry keys) {

    public static final String FORMAT = "rollcall-backup/1";

    public enum Status { NEW, BUILDING, COMPLETED, FAILED }

    public enum Kind { FULL, INCREMENTAL }

    /**
     * One table: rows it held at the snapshot, rows written to this backup (all of them for a
     * full backup, the new or changed ones for an incremental) and rows deleted since the parent.
     * Offsets locate the table's own gzip member inside the data and keys files.
     */
    public record TableEntry(String name, long rows, long written, long deleted,
            long dataOffset, long dataLength, long keysOffset, long keysLength) {
    }

    /** A file of the backup with the size and SHA-256 it must still have when restored. */
    public record FileEntry(String name, long size, String sha256) {
    }

    static Manifest started(String id, String name, String description, Kind kind, String parentId, Instant now) {
        return new Manifest(FORMAT, id, name, description, kind, parentId, Status.NEW, null, now, null, null,
                null, null, List.of(), null, null);
    }

    Manifest building(Instant now, String source) {
        return new Manifest(format, id, name, description, kind, parentId, Status.BUILDING, null, createdAt, now, null,
                source, schemaVersion, tables, data, keys);
    }

    Manifest completed(Instant now, String schemaVersion, List<TableEntry> tables, FileEntry data, FileEntry keys) {
        return new Manifest(format, id, name, description, kind, parentId, Status.COMPLETED, null, createdAt, startedAt, now,
                source, schemaVersion, List.copyOf(tables), data, keys);
    }

    Manifest failed(Instant now, String reason) {
        return new Manifest(format, id, name, description, kind, parentId, Status.FAILED, reason, createdAt, startedAt, now,
                source, schemaVersion, tables, data, keys);
    }

    boolean isRunning() {
        return status == Status.NEW || status == Status.BUILDING;
    }

    boolean isCompleted() {
        return status == Status.COMPLETED;
    }

    long sizeBytes() {
        return (data == null ? 0 : data.size()) + (keys == null ? 0 : keys.size());
    }
}
