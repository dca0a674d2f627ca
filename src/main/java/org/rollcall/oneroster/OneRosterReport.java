package org.rollcall.oneroster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rollcall.transfer.ImportOutcome;

/** What an import of a OneRoster zip did (or, in a dry run, would do): per file, the counts and every row's outcome. */
public record OneRosterReport(boolean dryRun, List<FileReport> files) {

    public record FileReport(String file, Map<String, Integer> counts, List<ImportOutcome> outcomes) {

        static FileReport of(String file, List<ImportOutcome> outcomes) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (ImportOutcome.Action action : ImportOutcome.Action.values()) {
                counts.put(action.name().toLowerCase(java.util.Locale.ROOT),
                        (int) outcomes.stream().filter(o -> o.action() == action).count());
            }
            return new FileReport(file, counts, outcomes);
        }
    }

    /** How many rows of all files were rejected. */
    public int rejected() {
        return files.stream().mapToInt(f -> f.counts().get("rejected")).sum();
    }
}
