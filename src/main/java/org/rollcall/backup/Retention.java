package org.rollcall.backup;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Which backups a "keep the newest N full backups with their chains" rule removes. A completed
 * backup goes when the full backup at the root of its chain is not among the newest N; a failed
 * one goes when it is older than the oldest full backup kept. Running backups are never touched.
 */
final class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private Retention() {
    }

    /** Deletes what {@link #toDelete} names, children before their parents; returns the ids deleted. */
    static List<String> prune(BackupStore store, int keepFull) {
        List<Manifest> doomed = new ArrayList<>(toDelete(store.scan(), keepFull));
        doomed.sort(Comparator.comparing(Manifest::createdAt).reversed()); // children before their parents
        List<String> deleted = new ArrayList<>();
        for (Manifest m : doomed) {
            try {
                store.delete(m.id());
                deleted.add(m.id());
            } catch (IOException e) {
                LOG.warnf("Retention could not delete backup %s: %s", m.id(), e.getMessage());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("Retention (keep %d full backups): deleted %s", keepFull, String.join(", ", deleted));
        }
        return deleted;
    }

    static List<Manifest> toDelete(List<Manifest> all, int keepFull) {
        if (keepFull < 1) {
            throw new IllegalArgumentException("keep at least one full backup");
        }
        Map<String, Manifest> byId = new HashMap<>();
        all.forEach(m -> byId.put(m.id(), m));
        List<Manifest> fulls = all.stream().filter(m -> m.kind() == Manifest.Kind.FULL && m.isCompleted())
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
        if (fulls.size() <= keepFull) {
            return List.of();
        }
        Set<String> kept = new HashSet<>();
        fulls.subList(0, keepFull).forEach(m -> kept.add(m.id()));
        Instant oldestKept = fulls.get(keepFull - 1).createdAt();
        return all.stream().filter(m -> !m.isRunning()).filter(m -> m.isCompleted()
                ? !kept.contains(root(m, byId))
                : m.createdAt().isBefore(oldestKept)).toList();
    }

    /** The full backup a chain starts from; null when a parent is missing. */
    static String root(Manifest m, Map<String, Manifest> byId) {
        Manifest at = m;
        for (int depth = 0; at != null && depth <= byId.size(); depth++) {
            if (at.kind() == Manifest.Kind.FULL) {
                return at.id();
            }
            at = byId.get(at.parentId());
        }
        return null;
    }
}
