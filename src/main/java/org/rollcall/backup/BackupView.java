package org.rollcall.backup;

import java.time.Instant;
import java.util.List;

/** A backup as the API, the admin page and the commands show it. */
public record BackupView(
        String id,
        String name,
        String description,
        Manifest.Kind kind,
        String parentId,
        Manifest.Status status,
        String failure,
        Instant createdAt,
        Instant completedAt,
        String source,
        String schemaVersion,
        long sizeBytes,
        String sha256,
        List<TableCount> tables) {

    /** Rows the table held at the snapshot; written and deleted are what this backup itself carries. */
    public record TableCount(String table, long rows, long written, long deleted) {
    }

    static BackupView of(Manifest m) {
        return new BackupView(m.id(), m.name(), m.description(), m.kind(), m.parentId(), m.status(), m.failure(),
                m.createdAt(), m.completedAt(), m.source(), m.schemaVersion(), m.sizeBytes(),
                m.data() == null ? null : m.data().sha256(),
                m.tables().stream().map(t -> new TableCount(t.name(), t.rows(), t.written(), t.deleted())).toList());
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    public boolean running() {
        return status == Manifest.Status.NEW || status == Manifest.Status.BUILDING;
    }

    public boolean completed() {
        return status == Manifest.Status.COMPLETED;
    }

    public String kindLabel() {
        return kind == Manifest.Kind.FULL ? "full" : "incremental";
    }

    /** Bootstrap badge style for the status. */
    public String statusStyle() {
        return switch (status) {
            case COMPLETED -> "text-bg-success";
            case FAILED -> "text-bg-danger";
            default -> "text-bg-warning";
        };
    }

    public String createdLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(createdAt);
    }
}
