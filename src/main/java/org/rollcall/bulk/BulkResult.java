package org.rollcall.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer to a bulk action: how many users, how many per outcome, and each user's outcome in the order selected. */
public record BulkResult(String action, int total, Map<String, Integer> counts, List<BulkOutcome> outcomes) {

    static BulkResult of(BulkAction action, List<BulkOutcome> outcomes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BulkOutcome.Result result : BulkOutcome.Result.values()) {
            counts.put(result.id(), (int) outcomes.stream().filter(o -> o.outcome() == result).count());
        }
        return new BulkResult(action.id(), outcomes.size(), counts, List.copyOf(outcomes));
    }

    public int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** The users whose outcome is not done or unchanged, for the result page. */
    public List<BulkOutcome> problems() {
        return outcomes.stream().filter(o -> o.outcome() == BulkOutcome.Result.REFUSED || o.outcome() == BulkOutcome.Result.NOT_FOUND).toList();
    }

    public boolean hasPasswords() {
        return outcomes.stream().anyMatch(o -> o.oneTimePassword() != null);
    }

    BulkResult withoutPasswords() {
        return new BulkResult(action, total, counts, outcomes.stream().map(BulkOutcome::withoutPassword).toList());
    }
}
