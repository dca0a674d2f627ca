package org.rollcall.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetentionTest {

    private final List<Manifest> all = new ArrayList<>();
    private int minute;

    @Test
    void keepsTheNewestFullBackupsWithTheirWholeChains() {
        Manifest a = full("a");
        Manifest a1 = incremental("a1", a);
        Manifest failedOld = failed("failed-old");
        Manifest b = full("b");
        Manifest b1 = incremental("b1", b);
        Manifest lateOnA = incremental("a2", a1); // taken after b, still a's chain
        Manifest c = full("c");
        Manifest failedNew = failed("failed-new");

        assertEquals(List.of(), ids(Retention.toDelete(all, 3)));
        assertEquals(List.of("a", "a1", "failed-old", "a2"), ids(Retention.toDelete(all, 2)));
        assertEquals(List.of("a", "a1", "failed-old", "b", "b1", "a2"), ids(Retention.toDelete(all, 1)));
        assertEquals(List.of(), ids(Retention.toDelete(List.of(c, failedNew, b, b1), 2)), "nothing older than the kept ones");
    }

    @Test
    void runningBackupsAreNeverPruned() {
        Manifest a = full("a");
        Manifest running = Manifest.started("running", "running", null, Manifest.Kind.INCREMENTAL, a.id(), at());
        all.add(running);
        full("b");
        assertEquals(List.of("a"), ids(Retention.toDelete(all, 1)));
    }

    private Manifest full(String id) {
        return add(Manifest.started(id, id, null, Manifest.Kind.FULL, null, at()).completed(at(), "1", List.of(), null, null));
    }

    private Manifest incremental(String id, Manifest parent) {
        return add(Manifest.started(id, id, null, Manifest.Kind.INCREMENTAL, parent.id(), at()).completed(at(), "1", List.of(), null, null));
    }

    private Manifest failed(String id) {
        return add(Manifest.started(id, id, null, Manifest.Kind.FULL, null, at()).failed(at(), "broken"));
    }

    private Manifest add(Manifest m) {
        all.add(m);
        return m;
    }

    private Instant at() {
        return Instant.parse("2025-09-01T08:00:00Z").plusSeconds(60L * minute++);
    }

    private static List<String> ids(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::id).toList();
    }
}
