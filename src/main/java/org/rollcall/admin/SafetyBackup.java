package org.rollcall.admin;

import java.util.Optional;

/**
 * Taken by destructive commands (init, migrate) before they change a database that holds data.
 * The backup feature provides the implementation; without it nothing is taken.
 */
public interface SafetyBackup {

    /**
     * Takes a full backup when the database holds data.
     *
     * @param reason why, recorded in the backup's description (e.g. "before init")
     * @return the id of the backup taken, or empty when the database was empty
     */
    Optional<String> takeIfData(String reason);
}
