package org.rollcall.backup;

import java.nio.file.Path;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;

/** Where backups are kept and how many; see the Backups section of README.md. */
@ConfigMapping(prefix = "rollcall.backup")
public interface BackupConfig {

    /** Directory holding one sub-directory per backup; outlives the database. */
    Path dir();

    /** When set, after each completed backup only the newest N full backups and their chains are kept. */
    OptionalInt keepFull();
}
