package org.rollcall.backup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rollcall.common.Text;

/**
 * A backup to take. {@code incremental} without {@code parentId} takes the newest completed
 * backup as the parent.
 */
public record BackupRequest(
        @NotBlank @Size(max = 64) String name,
        @Size(max = 1000) String description,
        Boolean incremental,
        @Pattern(regexp = BackupStore.ID_PATTERN, message = "is not a backup id") String parentId) {

    public BackupRequest normalised() {
        return new BackupRequest(Text.trim(name), Text.trim(Text.emptyToNull(description)), incremental,
                Text.trim(Text.emptyToNull(parentId)));
    }

    public boolean isIncremental() {
        return Boolean.TRUE.equals(incremental) || parentId != null;
    }

    public static BackupRequest full(String name, String description) {
        return new BackupRequest(name, description, false, null);
    }
}
