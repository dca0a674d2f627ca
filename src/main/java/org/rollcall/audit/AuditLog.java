package org.rollcall.audit;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.db.MultiRowInsert;

/**
 * The audit log: who did what, to what, from where. Services call {@link #record} inside their
 * own transaction, so an event is written exactly when the change it describes is. Details name
 * what changed, never a password, hash or token.
 */
@ApplicationScoped
public class AuditLog {

    /** The column's size (audit_event.details). */
    static final int DETAILS_LENGTH = 1000;

    @Inject
    AuditRepository events;
    @Inject
    Clock clock;

    /** Records a change made by the actor; joins the caller's transaction. */
    @Transactional
    public void record(Actor actor, AuditAction action, String target, String details) {
        events.persist(new AuditEvent(clock.instant(), actor.username(), action, target, details, RequestOrigin.current()));
    }

    /**
     * Records the same change made to each of many targets: an event per target, as {@link #record}
     * would write them one by one, in one multi-row insert.
     */
    @Transactional
    public void recordEach(Actor actor, AuditAction action, List<String> targets, String details) {
        List<AuditEvent> each = targets.stream()
                .map(target -> new AuditEvent(clock.instant(), actor.username(), action, target, details, RequestOrigin.current()))
                .toList();
        MultiRowInsert.execute(events.getEntityManager(), "audit_event",
                List.of("occurred_at", "actor", "action", "target_type", "target", "details", "remote_address"), each,
                e -> Arrays.asList(e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(), e.getTarget(), e.getDetails(),
                        e.getRemoteAddress()));
    }

    /**
     * Records what one chunk of a bulk path did with its rows, as one event: the counts, and the
     * keys created and updated for as long as they fit the event's details.
     */
    @Transactional
    public void recordBulk(Actor actor, AuditAction action, String what, List<String> created, List<String> updated) {
        if (created.isEmpty() && updated.isEmpty()) {
            return;
        }
        StringBuilder details = new StringBuilder();
        keys(details, "created", created, DETAILS_LENGTH * 3 / 5);
        keys(details, "updated", updated, DETAILS_LENGTH);
        record(actor, action, (created.size() + updated.size()) + " " + what, details.toString());
    }

    /** Appends "created 3: a, b, c", keeping the whole within {@code limit} characters with "(+N more)". */
    private static void keys(StringBuilder details, String label, List<String> keys, int limit) {
        if (keys.isEmpty()) {
            return;
        }
        separate(details).append(label).append(' ').append(keys.size()).append(':');
        int shown = 0;
        for (String key : keys) {
            if (details.length() + key.length() + 2 > limit - MORE_LENGTH) {
                break;
            }
            details.append(shown == 0 ? " " : ", ").append(key);
            shown++;
        }
        if (shown < keys.size()) {
            details.append(" (+").append(keys.size() - shown).append(" more)");
        }
    }

    /** Room kept for " (+12345 more)". */
    private static final int MORE_LENGTH = 16;

    /** Records a refused login in its own transaction: there is no change for it to ride along with. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLogin(AuditAction action, String username, String details, String address) {
        events.persist(new AuditEvent(clock.instant(), "anonymous", action, username, details, address));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditView> search(Actor actor, AuditQuery query, PageRequest page) {
        AccessPolicy.requireAdmin(actor, "read the audit log");
        return events.search(query, page).map(AuditView::of);
    }

    public static List<String> actions() {
        return Arrays.stream(AuditAction.values()).map(AuditAction::id).toList();
    }

    /** Appends "role: student -> teacher" when the value changed, nothing otherwise; for update details. */
    public static void change(StringBuilder details, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            separate(details).append(field).append(": ").append(before == null ? "(none)" : before).append(" -> ")
                    .append(after == null ? "(none)" : after);
        }
    }

    /** Appends "email changed" without the values, for fields too long or too personal to copy. */
    public static void changeWithoutValues(StringBuilder details, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            separate(details).append(field).append(" changed");
        }
    }

    private static StringBuilder separate(StringBuilder details) {
        return details.length() == 0 ? details : details.append("; ");
    }
}
