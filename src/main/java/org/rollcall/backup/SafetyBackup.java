package org.rollcall.backup;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.auth.Actor;

/**
 * The full backup that destructive commands (init, migrate) take before they change a database
 * that holds data.
 */
@ApplicationScoped
public class SafetyBackup {

    private static final Logger LOG = Logger.getLogger(SafetyBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    BackupService backups;

    public Optional<String> takeIfData(String reason) {
        if (!backups.databaseHoldsData()) {
            return Optional.empty();
        }
        String name = ("auto " + reason).strip();
        name = name.length() > 64 ? name.substring(0, 64) : name;
        BackupView backup = backups.create(Actor.SYSTEM, BackupRequest.full(name,
                "Taken automatically " + reason + " on " + STAMP.format(Instant.now()) + " UTC"));
        LOG.infof("Safety backup %s taken %s (%d rows) in %s", backup.id(), reason, backup.totalRows(), backups.directory());
        return Optional.of(backup.id());
    }
}
