package org.rollcall.roster;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;

/**
 * A roster uploaded on the import page, between its preview and its apply, and then its result:
 * kept for the account that uploaded it, in memory, for 15 minutes.
 */
@ApplicationScoped
public class RosterUploads {

    /** The file and how to import it; the last report (the preview, then the result); the login cards' id once applied. */
    public record Upload(String fileName, byte[] file, RosterOptions options, RosterReport report, String cardsId) {

        public boolean applied() {
            return !report.dryRun();
        }
    }

    @Inject
    Clock clock;
    private ShortLived<Upload> uploads;

    @PostConstruct
    void create() {
        uploads = new ShortLived<>(Duration.ofMinutes(15), clock);
    }

    String keep(Actor owner, Upload upload) {
        return uploads.keep(owner, upload);
    }

    Optional<Upload> find(Actor owner, String id) {
        return uploads.find(owner, id);
    }

    void replace(Actor owner, String id, Upload upload) {
        uploads.replace(owner, id, upload);
    }
}
